package jp.partnerflow.line;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;

/** The LINE SDK wired as plain beans (the SDK's Spring Boot modules need Boot 4). */
@Configuration
@EnableConfigurationProperties({ LineProperties.class, LineLoginProperties.class })
class LineConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LineConfiguration.class);

    @Bean
    LineMessenger lineMessenger(LineProperties properties) {
        if (!properties.deliveryEnabled()) {
            log.warn("LINE delivery is disabled: no channel access token is configured (LINE_CHANNEL_ACCESS_TOKEN). "
                    + "Notices still reach the partners' in-app list.");
            return new LineMessenger(null, null, properties.timeout());
        }
        log.info("LINE delivery is enabled against {}", properties.apiBaseUrl());
        MessagingApiClient client = MessagingApiClient.builder(properties.channelAccessToken())
                .apiEndPoint(properties.apiBaseUrl())
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .maxRequestsPerHost(64)
                // the SDK's default logger would write the bearer token to the log
                .usingDefaultLogger(false)
                .build();
        MessagingApiBlobClient files = MessagingApiBlobClient.builder(properties.channelAccessToken())
                .apiEndPoint(properties.apiDataBaseUrl())
                .connectTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .writeTimeout(properties.timeout())
                .usingDefaultLogger(false)
                .build();
        return new LineMessenger(client, files, properties.timeout());
    }

    /** Signature check of webhook bodies; null when no channel secret is configured. */
    @Bean
    WebhookSignature webhookSignature(LineProperties properties) {
        if (!properties.webhookEnabled()) {
            log.warn("LINE webhook is disabled: no channel secret is configured (LINE_CHANNEL_SECRET); "
                    + "every call to /line/webhook is rejected.");
            return new WebhookSignature(null);
        }
        return new WebhookSignature(
                new LineSignatureValidator(properties.channelSecret().getBytes(StandardCharsets.UTF_8)));
    }

    @Bean
    WebhookParser webhookParser() {
        // The signature is checked once, by WebhookSignature, before parsing.
        return new WebhookParser((body, signature) -> true, () -> true);
    }

    /** Works off stored webhook events; a full queue is no loss, the sweeper picks the rest up. */
    @Bean
    ThreadPoolTaskExecutor lineEventExecutor(LineProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("line-event-");
        executor.setCorePoolSize(properties.eventWorkers());
        executor.setMaxPoolSize(properties.eventWorkers());
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
