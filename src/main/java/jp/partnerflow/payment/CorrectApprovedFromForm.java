package jp.partnerflow.payment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.StaffUser;

/**
 * {@code ${correctApprovedFromForm}}: staff correct an approved payment notice from the Tasklist
 * start form (number, new payment date, what was corrected); the form fields are replaced by the
 * notice's id and the new version is sent. A notice sent by the service itself passes through.
 */
@Component("correctApprovedFromForm")
class CorrectApprovedFromForm implements JavaDelegate {
    static final String NUMBER = "noticeNumber";
    static final String PAYMENT_DATE = "paymentDate";
    static final String NOTE = "note";

    private final PaymentNotices notices;

    CorrectApprovedFromForm(PaymentNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(PaymentNoticeProcess.PAYMENT_NOTICE_ID)) {
            return;
        }
        String number = text(execution, NUMBER);
        long id = notices.correctApprovedFromForm(number, paymentDate(execution), text(execution, NOTE),
                StaffUser.starting(execution), execution.getProcessInstanceId());
        execution.removeVariables(List.of(NUMBER, PAYMENT_DATE, NOTE));
        execution.setVariable(PaymentNoticeProcess.PAYMENT_NOTICE_ID, id);
        execution.setProcessBusinessKey(notices.caseKey(notices.get(id)));
    }

    private static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return value.toString().strip();
    }

    private static LocalDate paymentDate(DelegateExecution execution) {
        try {
            return LocalDate.parse(text(execution, PAYMENT_DATE));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(PAYMENT_DATE, "must be a date like 2027-02-28");
        }
    }
}
