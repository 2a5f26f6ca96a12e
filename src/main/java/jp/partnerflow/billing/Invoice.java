package jp.partnerflow.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 請求書 of one billing month. What the partner wrote is in its {@link InvoiceVersion}s; the reviews
 * are kept here, one per decision.
 */
@Table("invoice")
public record Invoice(
        @Id Long id,
        String number,
        long billingMonthId,
        long partnerId,
        Status status,
        Instant createdAt,
        @MappedCollection(idColumn = "invoice_id", keyColumn = "position") List<Review> reviews) {

    public enum Status {
        /** Being written; never sent. */
        DRAFT("下書き"),
        /** Sent, waiting for review. */
        SUBMITTED("確認中"),
        /** Returned with a reason; the partner fixes and resends it. */
        RETURNED("差し戻し"),
        /** Final: handed over to the payment notice. */
        APPROVED("承認済み");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** As the partner's pages show it. */
        public String label() {
            return label;
        }
    }

    public enum Decision {
        APPROVE, RETURN
    }

    /** A reviewer's decision on one version. */
    @Table("invoice_review")
    public record Review(int version, Decision decision, String reason, String reviewer, Instant decidedAt) {
    }

    Invoice withStatus(Status status) {
        return new Invoice(id, number, billingMonthId, partnerId, status, createdAt, reviews);
    }

    Invoice withReview(Review review) {
        List<Review> all = new ArrayList<>(reviews);
        all.add(review);
        return new Invoice(id, number, billingMonthId, partnerId, status, createdAt, List.copyOf(all));
    }

    /** The reason of the latest return. */
    String returnReason() {
        return reviews.stream().filter(r -> r.decision() == Decision.RETURN).reduce((a, b) -> b)
                .map(Review::reason).orElseThrow(() -> new IllegalStateException("invoice " + id + " was never returned"));
    }
}
