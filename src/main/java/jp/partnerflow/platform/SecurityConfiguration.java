package jp.partnerflow.platform;

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


/**
 * Who may call what.
 * <ul>
 * <li>{@code /api/**} and the engine REST API: company staff and company systems, HTTP Basic
 * against Camunda's identity service (the users and groups managed in Camunda Admin).</li>
 * <li>{@code /camunda/**}: Camunda's webapps, which have their own login and CSRF protection.</li>
 * <li>{@code /api/me/**}: the partner API, a partner's bearer token (the partner feature's own chains, {@code partner.PartnerSecurity}).</li>
 * <li>{@code /line/webhook}: LINE, authenticated by the request signature.</li>
 * <li>{@code /partner/**}: the partners' pages, a session signed in through LINE Login, CSRF-protected forms
 * (also {@code partner.PartnerSecurity}).</li>
 * <li>{@code /staff/**}: staff pages opened from Tasklist, signed in through Tasklist ({@link TasklistSignIn}).</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {
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
