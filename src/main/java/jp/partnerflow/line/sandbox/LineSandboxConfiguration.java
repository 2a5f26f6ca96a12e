package jp.partnerflow.line.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The local LINE sandbox exists only with {@code partnerflow.line.sandbox.enabled} (profile
 * {@code sandbox}); without it none of {@code /sandbox/**} or {@code /v2/bot/**} exists (the default
 * chain denies it). It is
 * open to anyone who can reach the machine, which is why it is a local-only switch.
 */
@Configuration
@ConditionalOnProperty("partnerflow.line.sandbox.enabled")
class LineSandboxConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LineSandboxConfiguration.class);

    LineSandboxConfiguration(@Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        log.warn("The LINE sandbox is on: LINE traffic goes to the service itself; chat page {}/sandbox/chat. "
                + "Local use only.", publicBaseUrl);
    }

    /** LINE's side carries no session; the chat page is a local tool. */
    @Bean
    @Order(0)
    SecurityFilterChain lineSandboxChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sandbox/**", "/v2/bot/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
