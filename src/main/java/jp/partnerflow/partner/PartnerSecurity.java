package jp.partnerflow.partner;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import jp.partnerflow.platform.LoginRateLimit;

/**
 * Who may call the partner's own endpoints: the partner API ({@code /api/me/**}, a bearer token) and
 * the partner pages ({@code /partner/**}, a session signed in through LINE Login). The partner feature
 * brings its own filter chains, ordered before the platform's catch-all one ({@code platform.SecurityConfiguration}).
 */
@Configuration
class PartnerSecurity {
    /** The partner page asked for before the LINE login, shown after it (in a cookie, not a session). */
    static final RequestCache PAGE_ASKED_FOR = new CookieRequestCache();

    /** Partners act on their own orders and invoices; a bearer token is no ambient credential, so no CSRF. */
    @Bean
    @Order(2)
    SecurityFilterChain partnerApiChain(HttpSecurity http, PartnerAccessTokens tokens) throws Exception {
        return http.securityMatcher("/api/me/**")
                .addFilterBefore(new PartnerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("PARTNER"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The partners' pages: a session cookie once LINE Login has signed the partner in; a page asked
     * for before that is remembered and shown after the login. Every form carries a CSRF token.
     */
    @Bean
    @Order(3)
    SecurityFilterChain partnerPagesChain(HttpSecurity http,
            @Value("${partnerflow.security.login-starts-per-minute}") int loginStartsPerMinute,
            @Value("${partnerflow.line.login.authorize-url}") URI lineLogin) throws Exception {
        return http.securityMatcher("/partner/**")
                .addFilterBefore(new LoginRateLimit(loginStartsPerMinute), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/partner/login", "/partner/login/line", "/partner/register/**", "/partner/line/callback", "/partner/assets/**")
                        .permitAll()
                        .anyRequest().hasRole("PARTNER"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/partner/login")))
                // the page asked for before the login and the forms' CSRF token live in cookies: an anonymous
                // visit makes no session (one is made when a LINE login starts)
                .requestCache(cache -> cache.requestCache(PAGE_ASKED_FOR))
                .csrf(csrf -> csrf.csrfTokenRepository(partnerCsrfTokens()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                // the registration form continues at LINE Login
                                + "form-action 'self' " + lineLogin.getScheme() + "://" + lineLogin.getRawAuthority())))
                .securityContext(context -> context.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/partner/logout").logoutSuccessUrl("/partner/login"))
                .build();
    }

    private static CookieCsrfTokenRepository partnerCsrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("PARTNER-XSRF-TOKEN");
        tokens.setCookiePath("/partner");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }
}
