package jp.partnerflow.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 支払通知書 for one approved invoice. The number stays across corrections; each correction is a new
 * {@link Version}, and every step (sent, approved, approved automatically, returned, corrected) is
 * an {@link Event}, so the history answers who confirmed which version when, and how.
 *
 * @param workReceivedOn the billing month's closing date: the payment date may be at most 60 days later
 * @param meisaiStatus 連携ステータス, with 連携日時 and 連携メモ: what a 楽楽明細 run writes back
 */
@Table("payment_notice")
public record PaymentNotice(
        @Id Long id,
        String number,
        long invoiceId,
        long partnerId,
        long purchaseOrderId,
        String billingMonth,
        LocalDate workReceivedOn,
        Status status,
        String processInstanceId,
        Instant createdAt,
        String meisaiStatus,
        Instant meisaiIssuedAt,
        String meisaiMemo,
        @MappedCollection(idColumn = "payment_notice_id", keyColumn = "position") List<Version> versions,
        @MappedCollection(idColumn = "payment_notice_id", keyColumn = "position") List<Event> events) {

    public enum Status {
        /** Written or corrected, about to be sent. */
        PREPARED("準備中"),
        /** Sent; waiting for the partner until the confirmation deadline. */
        SENT("確認待ち"),
        /** Returned by the partner; accounting corrects it. */
        RETURNED("修正中"),
        /** Approved by the partner. */
        APPROVED("承認済み"),
        /** Approved because the deadline passed without objection (期日超過承認). */
        AUTO_APPROVED("承認済み（期日超過）");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** As the partner's pages show it. */
        public String label() {
            return label;
        }
    }

    public enum EventKind {
        SENT, APPROVED, AUTO_APPROVED, RETURNED, CORRECTED
    }

    /**
     * One version's content: amounts per tax rate and tax (from the invoice), 立替経費, 源泉徴収, the
     * amount paid and the payment date; when it was sent and until when the partner may object.
     */
    @Table("payment_notice_version")
    public record Version(int version, long amountTenPercent, long taxTenPercent, long amountEightPercent,
            long taxEightPercent, long amountNonTaxable, long expenses, long withholding, long amountPaid,
            LocalDate paymentDate, String note, Instant sentAt, Instant confirmationDeadline) {

        Version sent(Instant at, Instant deadline) {
            return new Version(version, amountTenPercent, taxTenPercent, amountEightPercent, taxEightPercent,
                    amountNonTaxable, expenses, withholding, amountPaid, paymentDate, note, at, deadline);
        }

        Version corrected(LocalDate newPaymentDate, String correctionNote) {
            return new Version(version + 1, amountTenPercent, taxTenPercent, amountEightPercent, taxEightPercent,
                    amountNonTaxable, expenses, withholding, amountPaid, newPaymentDate, correctionNote, null, null);
        }
    }

    /** @param actor {@code partner:<id>}, a staff user id, or {@code deadline} for 期日超過承認 */
    @Table("payment_notice_event")
    public record Event(int version, EventKind kind, String actor, String reason, Instant occurredAt) {
    }

    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    public boolean approved() {
        return status == Status.APPROVED || status == Status.AUTO_APPROVED;
    }

    PaymentNotice with(Status newStatus, Event event) {
        List<Event> all = new ArrayList<>(events);
        all.add(event);
        return new PaymentNotice(id, number, invoiceId, partnerId, purchaseOrderId, billingMonth, workReceivedOn,
                newStatus, processInstanceId, createdAt, meisaiStatus, meisaiIssuedAt, meisaiMemo, versions, List.copyOf(all));
    }

    /** Replaces the latest version (e.g. once it is sent). */
    PaymentNotice withLatest(Version version) {
        List<Version> all = new ArrayList<>(versions);
        all.set(all.size() - 1, version);
        return new PaymentNotice(id, number, invoiceId, partnerId, purchaseOrderId, billingMonth, workReceivedOn,
                status, processInstanceId, createdAt, meisaiStatus, meisaiIssuedAt, meisaiMemo, List.copyOf(all), events);
    }

    PaymentNotice withNext(Version version) {
        List<Version> all = new ArrayList<>(versions);
        all.add(version);
        return new PaymentNotice(id, number, invoiceId, partnerId, purchaseOrderId, billingMonth, workReceivedOn,
                status, processInstanceId, createdAt, meisaiStatus, meisaiIssuedAt, meisaiMemo, List.copyOf(all), events);
    }

    PaymentNotice withProcessInstanceId(String processInstance) {
        return new PaymentNotice(id, number, invoiceId, partnerId, purchaseOrderId, billingMonth, workReceivedOn,
                status, processInstance, createdAt, meisaiStatus, meisaiIssuedAt, meisaiMemo, versions, events);
    }
}
