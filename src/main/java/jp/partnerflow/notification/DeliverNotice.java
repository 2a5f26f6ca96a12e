package jp.partnerflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.ProcessVariable;

/** {@code ${deliverNotice}} in {@code notice-delivery.bpmn}. */
@Component("deliverNotice")
class DeliverNotice implements JavaDelegate {
    private static final ProcessVariable<Long> DELIVERY = ProcessVariable.id(NoticeDeliveryProcess.DELIVERY_ID);
    private final NoticeDeliveries deliveries;

    DeliverNotice(NoticeDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.deliver(DELIVERY.from(execution));
    }
}
