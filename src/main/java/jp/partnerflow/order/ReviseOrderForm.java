package jp.partnerflow.order;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.TaskForm;

/**
 * {@code ${reviseOrderForm}} on the 「発注書を修正する」 task: fills the form with the order's
 * current terms (as task-local variables, so they vanish with the task) and, on completion,
 * re-issues the order with the edited terms or records that it is to be cancelled.
 */
@Component("reviseOrderForm")
class ReviseOrderForm implements TaskListener {
    static final String DECISION = "decision";

    private final PurchaseOrders orders;

    ReviseOrderForm(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        long orderId = ((Number) task.getVariable(PurchaseOrderProcess.ORDER_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            PurchaseOrder order = orders.get(orderId);
            TaskForm.fill(task, Map.of(
                    "orderNumber", order.number(),
                    "title", order.title(),
                    "workContent", order.workContent(),
                    "periodStart", order.periodStart().toString(),
                    "periodEnd", order.periodEnd().toString(),
                    "fee", order.fee(),
                    "feeType", order.feeType().name(),
                    "taxRate", order.taxRate().name(),
                    DECISION, PurchaseOrderProcess.REISSUE));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String decision = String.valueOf(TaskForm.field(task, DECISION));
            if (PurchaseOrderProcess.REISSUE.equals(decision)) {
                orders.reissue(orderId, OrderForm.terms(field -> TaskForm.field(task, field)));
            } else if (!PurchaseOrderProcess.CANCEL.equals(decision)) {
                throw new InvalidFieldException(DECISION, "must be REISSUE or CANCEL");
            }
            task.getExecution().setVariable(PurchaseOrderProcess.REVISION, decision);
        }
    }
}
