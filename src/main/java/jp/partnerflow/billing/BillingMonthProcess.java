package jp.partnerflow.billing;

import java.util.Map;

/** Names shared by {@code bpmn/billing-month.bpmn}, {@code dmn/invoice-review.dmn} and the Java side. */
public final class BillingMonthProcess {
    public static final String ID = "billing-month";
    public static final String ORDER_ID = "orderId";
    /** The billing month as text, e.g. "2027-01" (readable in Cockpit and in the model's expressions). */
    public static final String BILLING_MONTH = "billingMonth";
    public static final String CLOSING_DAY = "closingDay";
    public static final String INVOICE_ID = "invoiceId";
    public static final String INVOICE_TOTAL = "invoiceTotal";
    public static final String REVIEW = "review";
    /** The group dmn/invoice-review.dmn picks for 「請求書を確認する」 (the decision's result). */
    public static final String REVIEW_GROUP = "reviewGroup";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";
    public static final String MSG_INVOICE_SUBMITTED = "Msg_InvoiceSubmitted";
    public static final String MSG_INVOICE_RESUBMITTED = "Msg_InvoiceResubmitted";
    public static final String REVIEW_DECISION = "invoice-review";

    private BillingMonthProcess() {
    }

    /** What the partner's sending of an invoice correlates with: the invoice and the total the review decision reads. */
    static Map<String, Object> invoiceSent(long invoiceId, long total) {
        return Map.of(INVOICE_ID, invoiceId, INVOICE_TOTAL, total);
    }
}
