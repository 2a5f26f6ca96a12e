package jp.partnerflow.order;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;

import jp.partnerflow.company.PaymentTerms;

/**
 * 発注書. Its status carries the time of each step; {@code revision} counts re-issues after a decline.
 *
 * @param fee the fee in yen, before consumption tax: per billing month or per hour, as {@code feeType} says
 */
public record PurchaseOrder(
        @Id Long id,
        String number,
        long partnerId,
        String title,
        String workContent,
        LocalDate periodStart,
        LocalDate periodEnd,
        long fee,
        FeeType feeType,
        TaxRate taxRate,
        @Embedded.Empty(prefix = "payment_") PaymentTerms paymentTerms,
        OrderStatus status,
        int revision,
        String processInstanceId,
        Instant issuedAt,
        Instant approvedAt,
        Instant declinedAt,
        Instant cancelledAt) {

    /** The order as notices name it and a decision checks it. */
    OrderReference reference() {
        return new OrderReference(id, number, title, partnerId, status);
    }

    PurchaseOrder withId(Long id) {
        return new PurchaseOrder(id, number, partnerId, title, workContent, periodStart, periodEnd, fee, feeType, taxRate,
                paymentTerms, status, revision, processInstanceId, issuedAt, approvedAt, declinedAt, cancelledAt);
    }

    PurchaseOrder withProcessInstanceId(String processInstanceId) {
        return new PurchaseOrder(id, number, partnerId, title, workContent, periodStart, periodEnd, fee, feeType, taxRate,
                paymentTerms, status, revision, processInstanceId, issuedAt, approvedAt, declinedAt, cancelledAt);
    }

    PurchaseOrder approved(Instant at) {
        return new PurchaseOrder(id, number, partnerId, title, workContent, periodStart, periodEnd, fee, feeType, taxRate,
                paymentTerms, OrderStatus.APPROVED, revision, processInstanceId, issuedAt, at, declinedAt, cancelledAt);
    }

    PurchaseOrder declined(Instant at) {
        return new PurchaseOrder(id, number, partnerId, title, workContent, periodStart, periodEnd, fee, feeType, taxRate,
                paymentTerms, OrderStatus.DECLINED, revision, processInstanceId, issuedAt, approvedAt, at, cancelledAt);
    }

    PurchaseOrder cancelled(Instant at) {
        return new PurchaseOrder(id, number, partnerId, title, workContent, periodStart, periodEnd, fee, feeType, taxRate,
                paymentTerms, OrderStatus.CANCELLED, revision, processInstanceId, issuedAt, approvedAt, declinedAt, at);
    }

    PurchaseOrder reissued(OrderTerms terms, Instant at) {
        return new PurchaseOrder(id, number, partnerId, terms.title(), terms.workContent(), terms.periodStart(),
                terms.periodEnd(), terms.fee(), terms.feeType(), terms.taxRate(), paymentTerms, OrderStatus.ISSUED, revision + 1,
                processInstanceId, at, null, null, null);
    }
}
