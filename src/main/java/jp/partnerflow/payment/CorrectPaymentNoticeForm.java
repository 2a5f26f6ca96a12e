package jp.partnerflow.payment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import jp.partnerflow.billing.BillingMonths;
import jp.partnerflow.platform.FormTable;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.StaffUser;
import jp.partnerflow.platform.TaskForm;
import jp.partnerflow.platform.TasklistFormListener;
import jp.partnerflow.platform.Tokyo;

/**
 * {@code ${correctPaymentNoticeForm}} on 「支払通知書を修正する」: names the task by its case, shows the
 * returned version, the partner's reason and every earlier round (task-local variables), and on completion records the corrected version, which
 * the process then sends again with a new deadline.
 */
@Component("correctPaymentNoticeForm")
class CorrectPaymentNoticeForm extends TasklistFormListener {
    static final String PAYMENT_DATE = "paymentDate";
    static final String NOTE = "note";

    private final PaymentNotices notices;

    CorrectPaymentNoticeForm(PaymentNotices notices) {
        super(PaymentNoticeProcess.PAYMENT_NOTICE_ID);
        this.notices = notices;
    }

    @Override
    protected void created(DelegateTask task, long id) {
        PaymentNotice notice = notices.get(id);
        PaymentNotice.Version version = notice.latest();
        List<PaymentNotice.Event> returns = notice.events().stream()
                .filter(e -> e.kind() == PaymentNotice.EventKind.RETURNED).toList();
        PaymentNotice.Event last = returns.isEmpty() ? null : returns.get(returns.size() - 1);
        String partnerName = notices.partnerNameOf(notice);
        String amountPaid = "%,d".formatted(version.amountPaid());
        task.setName(task.getName() + " " + notice.number() + " " + partnerName + " " + amountPaid + "円");
        task.setDescription(partnerName + " さんが支払通知書 " + notice.number() + " を差し戻しました"
                + (last == null ? "。" : "（理由：" + last.reason() + "）。") + "お支払日と修正内容を入力して再送してください。");
        Map<String, Object> form = new HashMap<>();
        form.put("partnerName", partnerName);
        form.put("historyLink", "[この発注の履歴を見る](/staff/orders/" + notice.purchaseOrderId() + "/history)");
        form.put("returnedAt", last == null ? "" : Tokyo.when(last.occurredAt()));
        // every round: which version was returned, when, why, and what staff corrected then
        form.put("rounds", rounds(notice));
        form.put("noticeNumber", notice.number() + "（第" + version.version() + "版）");
        form.put("billingMonth", BillingMonths.inJapanese(notice.billingMonth()));
        form.put("amountPaid", amountPaid);
        form.put("returnReason", last == null ? "" : last.reason());
        form.put(PAYMENT_DATE, version.paymentDate().toString());
        form.put(NOTE, null);
        TaskForm.fill(task, form);
    }

    @Override
    protected void completed(DelegateTask task, long id) {
        Object note = TaskForm.field(task, NOTE);
        if (note == null || note.toString().isBlank()) {
            throw new InvalidFieldException(NOTE, "say what was corrected; the partner reads it");
        }
        notices.correctReturned(id, paymentDate(TaskForm.field(task, PAYMENT_DATE)), note.toString().strip(),
                StaffUser.completing(task));
    }

    private static LocalDate paymentDate(Object value) {
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(PAYMENT_DATE, "must be a date like 2027-02-28");
        }
    }

    private static Object rounds(PaymentNotice notice) {
        return FormTable.of(notice.events().stream()
                .filter(e -> e.kind() == PaymentNotice.EventKind.RETURNED || e.kind() == PaymentNotice.EventKind.CORRECTED)
                .map(e -> FormTable.row("version", "第" + e.version() + "版",
                        "what", e.kind() == PaymentNotice.EventKind.RETURNED ? "差し戻し" : "修正",
                        "who", e.actor(), "when", Tokyo.when(e.occurredAt()), "text", e.reason()))
                .toList());
    }
}
