package jp.partnerflow.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * For a benchmark's {@code @Import}: the service's LINE is {@link #LINE}, a sink that only counts
 * (a registrar's property wins over the feature tests' own WireMock).
 */
@TestConfiguration
public class LineAtTheSink {
    public static final LineSink LINE = new LineSink();

    @Bean
    DynamicPropertyRegistrar lineSink() {
        return registry -> registry.add("partnerflow.line.api-base-url", LINE::baseUrl);
    }
}
