package jp.partnerflow.payment;

import java.util.Date;

/** The steps of {@code bpmn/payment-notice.bpmn}, bean {@code paymentNotices}. */
public interface PaymentNoticeSteps {

    /** Sends the latest version: 「支払通知書を確認してください」; returns the confirmation deadline. */
    Date send(long paymentNoticeId);

    /** The deadline passed without objection: 期日超過承認 and 「支払通知書の承認が完了しました」. */
    void autoApprove(long paymentNoticeId);

    /** The approved notice goes on to 楽楽明細: {@link PaymentNoticeApproved}, which meisai listens to. */
    void handOver(long paymentNoticeId);
}
