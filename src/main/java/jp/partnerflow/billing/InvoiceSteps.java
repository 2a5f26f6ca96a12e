package jp.partnerflow.billing;

/** Invoice steps in {@code bpmn/billing-month.bpmn}, bean {@code invoices}. */
public interface InvoiceSteps {

    void approve(long invoiceId);

    /** 「請求書が差し戻されました」 with the reason the reviewer gave. */
    void returnToPartner(long invoiceId);

    /** The approved invoice goes on to its payment notice: {@link InvoiceApproved}, which payment listens to. */
    void handOver(long invoiceId);
}
