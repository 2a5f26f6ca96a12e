package jp.partnerflow.billing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.StaffUser;
import jp.partnerflow.platform.TaskForm;
import jp.partnerflow.platform.TasklistFormListener;

/**
 * {@code ${reviewInvoiceForm}} on the 「請求書を確認する」 task: names the task by its case and shows the
 * invoice ({@link InvoiceReviewSheet}; task-local variables, gone with the task) and, on completion, records who decided what on which version,
 * with the reason of a return, before the process acts on it.
 */
@Component("reviewInvoiceForm")
class ReviewInvoiceForm extends TasklistFormListener {
    static final String RETURN_REASON = "returnReason";

    private final Invoices invoices;
    private final InvoiceReviewSheet sheet;

    ReviewInvoiceForm(Invoices invoices, InvoiceReviewSheet sheet) {
        super(BillingMonthProcess.INVOICE_ID);
        this.invoices = invoices;
        this.sheet = sheet;
    }

    @Override
    protected void created(DelegateTask task, long invoiceId) {
        task.setName(sheet.taskName(task.getName(), invoiceId));
        task.setDescription(sheet.description(invoiceId));
        Map<String, Object> fields = new HashMap<>(sheet.of(invoiceId));
        // the decision fields stay on the task; the process gets the decision alone
        fields.put(BillingMonthProcess.REVIEW, null);
        fields.put(RETURN_REASON, null);
        TaskForm.fill(task, fields);
    }

    @Override
    protected void completed(DelegateTask task, long invoiceId) {
        Object review = TaskForm.field(task, BillingMonthProcess.REVIEW);
        Invoice.Decision decision;
        if (BillingMonthProcess.APPROVE.equals(review)) {
            decision = Invoice.Decision.APPROVE;
        } else if (BillingMonthProcess.RETURN.equals(review)) {
            decision = Invoice.Decision.RETURN;
        } else {
            throw new InvalidFieldException(BillingMonthProcess.REVIEW, "must be APPROVE or RETURN");
        }
        Object reason = TaskForm.field(task, RETURN_REASON);
        invoices.recordReview(invoiceId, decision, reason == null ? null : reason.toString(), StaffUser.completing(task));
        task.getExecution().setVariable(BillingMonthProcess.REVIEW, review);
    }
}
