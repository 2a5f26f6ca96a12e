package jp.partnerflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${deliverNotice}} in {@code notice-delivery.bpmn}. */
@Component("deliverNotice")
class DeliverNotice implements JavaDelegate {
    private final NoticeDeliveries deliveries;

    DeliverNotice(NoticeDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.deliver(((Number) execution.getVariable(NoticeDeliveryProcess.DELIVERY_ID)).longValue());
    }
}
