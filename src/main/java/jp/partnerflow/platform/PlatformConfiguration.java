package jp.partnerflow.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Tokyo.ZONE);
    }
}
