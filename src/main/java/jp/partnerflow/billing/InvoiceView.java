package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.partnerflow.order.TaxRate;

/**
 * An invoice as the partner checks it before sending (確認画面) and as staff read it: the latest
 * version with its amounts, the attached report, and the history of versions and reviews.
 *
 * @param closingDate the billing month's closing date: the day the month's work counts as received
 */
public record InvoiceView(
        long id,
        String number,
        long orderId,
        String billingMonth,
        LocalDate closingDate,
        String partnerName,
        Invoice.Status status,
        int version,
        String invoiceMonth,
        String registrationNumber,
        List<Line> lines,
        List<Expense> expenses,
        InvoiceAmounts amounts,
        InvoiceAttachment.Info attachment,
        List<Sent> versions,
        List<Invoice.Review> reviews) {

    public record Line(String content, BigDecimal quantity, long unitPrice, TaxRate taxRate, long amount) {
    }

    /** A version as it was sent. */
    public record Sent(int version, Instant submittedAt, long total) {
    }

    static InvoiceView of(Invoice invoice, BillingMonth month, String partnerName, List<InvoiceVersion> versions,
            InvoiceAttachment.Info attachment) {
        InvoiceVersion latest = versions.get(versions.size() - 1);
        return new InvoiceView(invoice.id(), invoice.number(), month.purchaseOrderId(), month.billingMonth(),
                month.closingDate(), partnerName,
                invoice.status(), latest.version(), latest.invoiceMonth(), latest.registrationNumber(),
                latest.lines().stream().map(l -> new Line(l.content(), l.quantity(), l.unitPrice(), l.taxRate(), l.amount())).toList(),
                latest.expenses(), latest.amounts(), attachment,
                versions.stream().filter(InvoiceVersion::submitted)
                        .map(v -> new Sent(v.version(), v.submittedAt(), v.amounts().total())).toList(),
                invoice.reviews());
    }
}
