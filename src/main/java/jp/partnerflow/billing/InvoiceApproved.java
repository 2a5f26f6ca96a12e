package jp.partnerflow.billing;

/**
 * An invoice was approved and its month's process hands it on (in a job of its own): the payment
 * feature makes its payment notice. Published in the job's transaction, so a listener's failure fails
 * the job (retries, then an incident) and nothing is half done.
 */
public record InvoiceApproved(long invoiceId) {
}
