package jp.partnerflow.order;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerOrderFromForm}}: an order issued from the Tasklist start form is stored here,
 * and the form fields are replaced by the order id. An order issued through the REST API is
 * already stored and passes through.
 */
@Component("registerOrderFromForm")
class RegisterOrderFromForm implements JavaDelegate {
    static final String[] FORM_FIELDS = { "partnerId", "title", "workContent", "periodStart", "periodEnd", "fee", "feeType",
            "taxRate" };

    private final PurchaseOrders orders;

    RegisterOrderFromForm(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(PurchaseOrderProcess.ORDER_ID)) {
            return;
        }
        OrderTerms terms = OrderForm.terms(execution::getVariable);
        PurchaseOrder order = orders.register(OrderForm.number(execution.getVariable("partnerId"), "partnerId"), terms,
                null, execution.getProcessInstanceId());
        execution.removeVariables(List.of(FORM_FIELDS));
        execution.setVariable(PurchaseOrderProcess.ORDER_ID, order.id());
        execution.setProcessBusinessKey(orders.caseKey(order));
    }
}
