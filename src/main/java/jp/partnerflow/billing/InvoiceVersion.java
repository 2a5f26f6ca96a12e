package jp.partnerflow.billing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of an invoice's content: a draft until it is submitted, then kept unchanged. The
 * amounts are always computed from the lines by {@link InvoiceAmounts}, never stored apart.
 *
 * @param invoiceMonth the month the invoice is issued in (請求書を発行する月), e.g. "2027-01"
 * @param withholdingApplies whether 源泉徴収 applied (the partner was an individual) when it was written
 */
@Table("invoice_version")
public record InvoiceVersion(
        @Id Long id,
        long invoiceId,
        int version,
        String invoiceMonth,
        String registrationNumber,
        boolean withholdingApplies,
        Long attachmentId,
        @MappedCollection(idColumn = "invoice_version_id", keyColumn = "position") List<InvoiceLine> lines,
        @MappedCollection(idColumn = "invoice_version_id", keyColumn = "position") List<Expense> expenses,
        Instant updatedAt,
        Instant submittedAt) {

    public InvoiceAmounts amounts() {
        return InvoiceAmounts.of(lines, expenses, withholdingApplies);
    }

    boolean submitted() {
        return submittedAt != null;
    }

    InvoiceVersion with(InvoiceContent content, Instant at) {
        return new InvoiceVersion(id, invoiceId, version, content.invoiceMonth(), content.registrationNumber(),
                withholdingApplies, content.attachmentId(), content.lines(), content.expenses(), at, null);
    }

    /** The next version, starting as a copy of this one. */
    InvoiceVersion next(Instant at) {
        return new InvoiceVersion(null, invoiceId, version + 1, invoiceMonth, registrationNumber, withholdingApplies,
                attachmentId, lines, expenses, at, null);
    }

    InvoiceVersion submitted(Instant at) {
        return new InvoiceVersion(id, invoiceId, version, invoiceMonth, registrationNumber, withholdingApplies,
                attachmentId, lines, expenses, updatedAt, at);
    }
}
