package jp.partnerflow.billing;

import java.util.List;

/**
 * The month's own steps in {@code bpmn/billing-month.bpmn}, bean {@code billingMonths}; each is
 * one business operation in the step's transaction.
 */
public interface BillingMonthSteps {

    /** The billing months of an approved order, e.g. ["2026-12", "2027-01"]: one billing-month instance each. */
    List<String> of(long orderId);

    /**
     * Opens the order's billing month (once, also when the step is retried).
     *
     * @return the company's closing day, for the reminder timers
     */
    int open(long orderId, String billingMonth, String processInstanceId);

    /** 「請求書を作成してください」 */
    void remindToInvoice(long orderId, String billingMonth);
}
