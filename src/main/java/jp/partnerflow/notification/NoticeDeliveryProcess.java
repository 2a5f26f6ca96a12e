package jp.partnerflow.notification;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Names shared by {@code bpmn/notice-delivery.bpmn} and the Java side. */
public final class NoticeDeliveryProcess {
    public static final String ID = "notice-delivery";
    public static final String DELIVERY_ID = "deliveryId";

    private NoticeDeliveryProcess() {
    }

    static Map<String, Object> variables(long deliveryId) {
        return Map.of(DELIVERY_ID, deliveryId);
    }

    /** Bean {@code noticeDelivery}: {@code ${noticeDelivery.retryCycle}} in the model. */
    @Component("noticeDelivery")
    @ConfigurationProperties("partnerflow.notification")
    public static class Settings {
        private String retryCycle = "PT10S,PT1M,PT5M,PT15M,PT1H";

        public String getRetryCycle() {
            return retryCycle;
        }

        public void setRetryCycle(String retryCycle) {
            this.retryCycle = retryCycle;
        }
    }
}
