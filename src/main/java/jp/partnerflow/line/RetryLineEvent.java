package jp.partnerflow.line;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.ProcessVariable;

/**
 * {@code ${retryLineEvent}} in {@code bpmn/line-event-retry.bpmn}: processes a LINE event whose
 * first processing failed; {@code ${retryLineEvent.retryCycle}} is its back-off before an incident.
 */
@Component("retryLineEvent")
class RetryLineEvent implements JavaDelegate {
    static final String PROCESS_ID = "line-event-retry";
    static final String WEBHOOK_EVENT_ID = "webhookEventId";
    private static final ProcessVariable<String> EVENT = ProcessVariable.text(WEBHOOK_EVENT_ID);

    private final WebhookEventProcessor processor;
    private final LineProperties properties;

    /** What the retry of one webhook event starts with. */
    static Map<String, Object> start(String webhookEventId) {
        return Map.of(WEBHOOK_EVENT_ID, webhookEventId);
    }

    RetryLineEvent(WebhookEventProcessor processor, LineProperties properties) {
        this.processor = processor;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        processor.retry(EVENT.from(execution));
    }

    public String getRetryCycle() {
        return properties.eventRetryCycle();
    }
}
