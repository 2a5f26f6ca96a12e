package jp.partnerflow.payment;

import java.util.Date;

/** The steps of {@code bpmn/payment-notice.bpmn} (and its hand-over from billing-month), bean {@code paymentNotices}. */
public interface PaymentNoticeSteps {

    /** Writes the payment notice of an approved invoice and starts its process (once per invoice). */
    void issueFor(long invoiceId);

    /** Sends the latest version: 「支払通知書を確認してください」; returns the confirmation deadline. */
    Date send(long paymentNoticeId);

    /** The deadline passed without objection: 期日超過承認 and 「支払通知書の承認が完了しました」. */
    void autoApprove(long paymentNoticeId);
}
