package jp.partnerflow.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * PostgreSQL's errors name the row they refused ("Failing row contains (…, the address, the phone,
 * the bank account …)") and the driver puts that detail into the exception's message, which an error
 * log line prints. The driver is told to leave it out: the log says which statement failed and why,
 * with ids, not a partner's personal data.
 */
@Component
class QuietDatabaseErrors implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("logServerErrorDetail", "false");
        }
        return bean;
    }
}
