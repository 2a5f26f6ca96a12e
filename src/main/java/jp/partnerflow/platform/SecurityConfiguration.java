package jp.partnerflow.platform;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import jp.partnerflow.partner.PartnerAccessTokens;
import jp.partnerflow.partner.PartnerTokenFilter;

/**
 * Who may call what.
 * <ul>
 * <li>{@code /api/**} and the engine REST API: company staff and company systems, HTTP Basic
 * against Camunda's identity service (the users and groups managed in Camunda Admin).</li>
 * <li>{@code /camunda/**}: Camunda's webapps, which have their own login and CSRF protection.</li>
 * <li>{@code /api/me/**}: the partner API, a partner's bearer token ({@link PartnerAccessTokens}).</li>
 * <li>{@code /line/webhook}: LINE, authenticated by the request signature.</li>
 * <li>{@code /partner/**}: the partners' pages, a session signed in through LINE Login, CSRF-protected forms.</li>
 * <li>{@code /staff/**}: staff pages opened from Tasklist, signed in through Tasklist ({@link TasklistSignIn}).</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {
    /** The partner page asked for before the LINE login, shown after it (in a cookie, not a session). */
    public static final RequestCache PARTNER_PAGE_ASKED_FOR = new CookieRequestCache();

    /** LINE's calls carry no session or credentials, only the signature the controller checks. */
    @Bean
    @Order(1)
    SecurityFilterChain lineWebhookChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/line/webhook")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

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
                .requestCache(cache -> cache.requestCache(PARTNER_PAGE_ASKED_FOR))
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

    /**
     * Staff pages opened from Tasklist forms (an invoice's report, a document's history): the
     * staff member's Tasklist sign-in, the groups of the endpoint table, nothing stored.
     */
    @Bean
    @Order(4)
    SecurityFilterChain staffPagesChain(HttpSecurity http,
            @Value("${camunda.bpm.process-engine-name:default}") String engineName) throws Exception {
        return http.securityMatcher("/staff/**")
                .addFilterBefore(new TasklistSignIn(engineName), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    StaffApiAccess.rules(requests);
                    requests.anyRequest().denyAll();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/camunda/app/tasklist/"))
                        .accessDeniedHandler(StaffApiAccess.refusal()))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()) // reading only: every staff page is a GET
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProvider camundaUsers) throws Exception {
        return http
                .authenticationProvider(camundaUsers)
                .authorizeHttpRequests(requests -> {
                    StaffApiAccess.rules(requests);
                    requests.requestMatchers("/engine-rest/**").authenticated() // the engine's authorization decides
                        .requestMatchers("/camunda/**", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs/**", "/", "/error")
                        .permitAll()
                        .anyRequest().denyAll();
                })
                .exceptionHandling(errors -> errors.accessDeniedHandler(StaffApiAccess.refusal()))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                // Stateless callers (Basic auth); the webapps bring their own CSRF filter.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .build();
    }

    /** First of all filters: nothing may have read a body before its size and sender are checked. */
    @Bean
    FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(@Value("${partnerflow.security.max-body-size}") DataSize max,
            @Value("${partnerflow.security.bodies-per-client}") int bodiesPerClient) {
        FilterRegistrationBean<RequestBodyGuard> registration =
                new FilterRegistrationBean<>(new RequestBodyGuard(max.toBytes(), bodiesPerClient));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before Spring Security: a client that keeps failing to sign in is answered 429 before its credentials are checked. */
    @Bean
    FilterRegistrationBean<FailedSignInThrottle> failedSignInThrottle(
            @Value("${partnerflow.security.failed-sign-ins-per-minute}") int perMinute) {
        FilterRegistrationBean<FailedSignInThrottle> registration = new FilterRegistrationBean<>(new FailedSignInThrottle(perMinute));
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * Tells the engine who calls its REST API (the user Spring Security signed in), so a task
     * completed there is recorded with its user, as one completed in Tasklist is.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestUser() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        return registration;
    }

    /** Checks HTTP Basic credentials against Camunda's users; Camunda groups become authorities. */
    @Bean
    AuthenticationProvider camundaUsers(IdentityService identityService) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object password = authentication.getCredentials();
                if (password == null || !identityService.checkPassword(user, password.toString())) {
                    throw new BadCredentialsException("Bad credentials");
                }
                List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list()
                        .stream().map(Group::getId).map(id -> new SimpleGrantedAuthority("GROUP_" + id)).toList();
                return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
