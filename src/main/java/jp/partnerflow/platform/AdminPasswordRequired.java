package jp.partnerflow.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a blank admin password: only the local profile has a default (admin /
 * admin), so a shared machine never gets Camunda's admin with a password everyone knows or none.
 */
public class AdminPasswordRequired implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String admin = environment.getProperty("camunda.bpm.admin-user.id", "");
        String password = environment.getProperty("camunda.bpm.admin-user.password", "");
        if (!admin.isBlank() && password.isBlank()) {
            throw new IllegalStateException("No admin password is configured: set PARTNERFLOW_ADMIN_PASSWORD "
                    + "(only the local profile has a default, for local use)");
        }
    }
}
