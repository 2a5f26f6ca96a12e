package jp.partnerflow.line;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LINE Messaging API settings. The token and secret are never logged: {@link #toString()} hides them.
 *
 * @param apiBaseUrl where the Messaging API is (a local fake in tests)
 * @param channelAccessToken bearer token for pushes and replies; blank = LINE delivery disabled
 * @param channelSecret signs webhook bodies; blank = every webhook call is rejected
 * @param eventWorkers threads working off stored webhook events; few, so that answering LINE's
 *        webhook calls keeps the CPU it needs
 * @param eventRetryCycle Camunda retry cycle of an event whose first processing failed; when it is
 *        spent the event is an incident in Cockpit
 * @param apiDataBaseUrl where the Messaging API takes files (the rich menu's image)
 */
@ConfigurationProperties("partnerflow.line")
public record LineProperties(URI apiBaseUrl, String channelAccessToken, String channelSecret, Duration timeout,
        @DefaultValue("2") int eventWorkers, @DefaultValue("PT10S,PT1M,PT5M,PT15M") String eventRetryCycle,
        @DefaultValue("https://api-data.line.me") URI apiDataBaseUrl) {

    public boolean deliveryEnabled() {
        return channelAccessToken != null && !channelAccessToken.isBlank();
    }

    public boolean webhookEnabled() {
        return channelSecret != null && !channelSecret.isBlank();
    }

    @Override
    public String toString() {
        return "LineProperties[apiBaseUrl=" + apiBaseUrl + ", delivery " + (deliveryEnabled() ? "enabled" : "disabled")
                + ", webhook " + (webhookEnabled() ? "enabled" : "disabled") + "]";
    }
}
