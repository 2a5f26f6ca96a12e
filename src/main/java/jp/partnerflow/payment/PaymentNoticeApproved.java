package jp.partnerflow.payment;

/**
 * A payment notice's version was approved (by the partner or by its deadline) and its process hands
 * it on (in a job of its own): the 楽楽明細 feature issues it when the company has it set up. Published
 * in the job's transaction, so a listener's failure fails the job (retries, then an incident).
 */
public record PaymentNoticeApproved(long paymentNoticeId) {
}
