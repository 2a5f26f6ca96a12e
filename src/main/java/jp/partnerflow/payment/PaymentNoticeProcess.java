package jp.partnerflow.payment;

import java.util.Map;

/** Names shared by {@code bpmn/payment-notice.bpmn} and the Java side. */
public final class PaymentNoticeProcess {
    public static final String ID = "payment-notice";
    public static final String PAYMENT_NOTICE_ID = "paymentNoticeId";
    /** When the deadline timer fires (a Date, set by the send step). */
    public static final String CONFIRMATION_DEADLINE = "confirmationDeadline";
    public static final String MSG_APPROVED = "Msg_PaymentNoticeApproved";
    public static final String MSG_RETURNED = "Msg_PaymentNoticeReturned";

    private PaymentNoticeProcess() {
    }

    /** What one sending of a payment notice starts with. */
    static Map<String, Object> start(long paymentNoticeId) {
        return Map.of(PAYMENT_NOTICE_ID, paymentNoticeId);
    }
}
