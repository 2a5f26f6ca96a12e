package jp.partnerflow.billing;

/**
 * The month's own steps in {@code bpmn/billing-month.bpmn}, bean {@code billingMonths}; each is
 * one business operation in the step's transaction.
 */
public interface BillingMonthSteps {

    /**
     * Opens the order's billing month (once, also when the step is retried).
     *
     * @return the company's closing day, for the reminder timers
     */
    int open(long orderId, String billingMonth, String processInstanceId);

    /** 「請求書を作成してください」 */
    void remindToInvoice(long orderId, String billingMonth);
}
