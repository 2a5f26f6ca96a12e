package jp.partnerflow.billing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A report file a partner attached to an invoice (PDF, PNG or JPEG). */
@Table("invoice_attachment")
public record InvoiceAttachment(
        @Id Long id,
        long partnerId,
        String fileName,
        String contentType,
        int sizeBytes,
        byte[] content,
        Instant uploadedAt) {

    Info info() {
        return new Info(id, partnerId, fileName, contentType, sizeBytes, uploadedAt);
    }

    /** The same row without its content, for views. */
    @Table("invoice_attachment")
    public record Info(@Id Long id, long partnerId, String fileName, String contentType, int sizeBytes,
            Instant uploadedAt) {
    }
}
