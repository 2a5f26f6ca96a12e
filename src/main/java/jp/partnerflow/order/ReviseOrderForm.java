package jp.partnerflow.order;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.TaskForm;
import jp.partnerflow.platform.TasklistFormListener;
import jp.partnerflow.platform.Tokyo;

/**
 * {@code ${reviseOrderForm}} on the 「発注書を修正する」 task: fills the form with the order's
 * current terms (as task-local variables, so they vanish with the task) and, on completion,
 * re-issues the order with the edited terms or records that it is to be cancelled.
 */
@Component("reviseOrderForm")
class ReviseOrderForm extends TasklistFormListener {
    static final String DECISION = "decision";

    private final PurchaseOrders orders;

    ReviseOrderForm(PurchaseOrders orders) {
        super(PurchaseOrderProcess.ORDER_ID);
        this.orders = orders;
    }

    @Override
    protected void created(DelegateTask task, long orderId) {
        PurchaseOrder order = orders.get(orderId);
        String partnerName = orders.partnerNameOf(order);
        task.setName(task.getName() + " " + order.number() + " " + partnerName + " " + order.title());
        task.setDescription(partnerName + " さんが発注書 " + order.number() + "「" + order.title()
                + "」を辞退しました。内容を修正して再発行するか、発注を取り消してください。");
        TaskForm.fill(task, Map.ofEntries(
                Map.entry("orderNumber", order.number()),
                Map.entry("partnerName", partnerName),
                Map.entry("historyLink", "[この発注の履歴を見る](/staff/orders/" + order.id() + "/history)"),
                Map.entry("declinedAt", Tokyo.when(order.declinedAt())),
                Map.entry("title", order.title()),
                Map.entry("workContent", order.workContent()),
                Map.entry("periodStart", order.periodStart().toString()),
                Map.entry("periodEnd", order.periodEnd().toString()),
                Map.entry("fee", order.fee()),
                Map.entry("feeType", order.feeType().name()),
                Map.entry("taxRate", order.taxRate().name()),
                Map.entry(DECISION, PurchaseOrderProcess.REISSUE)));
    }

    @Override
    protected void completed(DelegateTask task, long orderId) {
        String decision = String.valueOf(TaskForm.field(task, DECISION));
        if (PurchaseOrderProcess.REISSUE.equals(decision)) {
            orders.reissue(orderId, OrderForm.terms(field -> TaskForm.field(task, field)));
        } else if (!PurchaseOrderProcess.CANCEL.equals(decision)) {
            throw new InvalidFieldException(DECISION, "must be REISSUE or CANCEL");
        }
        task.getExecution().setVariable(PurchaseOrderProcess.REVISION, decision);
    }
}
