package jp.partnerflow.billing;

import java.util.List;

/** What the partner writes on an invoice. */
record InvoiceContent(String invoiceMonth, String registrationNumber, List<InvoiceLine> lines, List<Expense> expenses,
        Long attachmentId) {
}
