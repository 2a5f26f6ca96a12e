package jp.partnerflow.billing;

/**
 * What {@code bpmn/billing-month.bpmn} asks of Java, as bean {@code billingMonths}; each step is
 * one business operation in the step's transaction.
 */
public interface BillingMonthSteps {

    /** Opens the order's billing month; returns the company's closing day for the reminder timers. */
    int open(long orderId, String billingMonth);

    /** For a fixed-fee order, creates the month's work report once the closing date has passed. */
    void generateFixedFeeReport(long orderId, String billingMonth);

    /** 「請求書を作成してください」 */
    void remindToInvoice(long orderId, String billingMonth);

    void approveInvoice(long invoiceId);

    /** 「請求書が差し戻されました」 with the reason the reviewer gave. */
    void returnInvoice(long invoiceId);
}
