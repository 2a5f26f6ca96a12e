package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service's own configuration files, read as Spring Boot reads them: the local defaults (admin /
 * admin, session cookies over plain http, listening on 127.0.0.1 only) exist only in the local
 * profile; elsewhere a blank admin password stops the start and session cookies are Secure. No
 * X-Forwarded-For is trusted unless PARTNERFLOW_TRUSTED_PROXIES names the proxy.
 */
class LocalDefaultsTest {

    @Configuration
    static class Nothing {
    }

    @Test
    void theLocalProfileIsTheDefaultAndHasTheLocalDefaults() {
        try (ConfigurableApplicationContext local = start()) {
            Environment env = local.getEnvironment();
            assertThat(env.getActiveProfiles()).isEmpty();
            assertThat(env.getDefaultProfiles()).containsExactly("local");
            assertThat(env.getProperty("camunda.bpm.admin-user.password")).isEqualTo("admin");
            assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
            assertThat(env.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
            assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
            assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
            assertThat(env.getProperty("server.tomcat.remoteip.internal-proxies")).isEmpty();
        }
    }

    @Test
    void outsideTheLocalProfileABlankAdminPasswordStopsTheStartAndCookiesAreSecure() {
        assertThatThrownBy(() -> start("production").close())
                .hasMessageContaining("No admin password is configured: set PARTNERFLOW_ADMIN_PASSWORD");

        try (ConfigurableApplicationContext production = start("production", "PARTNERFLOW_ADMIN_PASSWORD=s3cret-from-env")) {
            Environment env = production.getEnvironment();
            assertThat(env.getProperty("camunda.bpm.admin-user.password")).isEqualTo("s3cret-from-env");
            assertThat(env.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
            assertThat(env.getProperty("server.servlet.session.cookie.same-site")).isEqualTo("lax");
            assertThat(env.getProperty("server.address")).isNull();
            assertThat(env.getProperty("server.tomcat.remoteip.internal-proxies")).isEmpty();
        }
    }

    @Test
    void theSandboxBringsTheLocalDefaults() {
        try (ConfigurableApplicationContext sandbox = start("sandbox")) {
            assertThat(sandbox.getEnvironment().getActiveProfiles()).contains("sandbox", "local");
            assertThat(sandbox.getEnvironment().getProperty("camunda.bpm.admin-user.password")).isEqualTo("admin");
        }
    }

    private static ConfigurableApplicationContext start(String... profileAndProperties) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
                .logStartupInfo(false);
        if (profileAndProperties.length > 0) {
            app.profiles(profileAndProperties[0]);
        }
        for (int i = 1; i < profileAndProperties.length; i++) {
            app.properties(profileAndProperties[i]);
        }
        return app.run();
    }
}
