package jp.partnerflow.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import jp.partnerflow.billing.Invoice;
import jp.partnerflow.billing.InvoiceView;
import jp.partnerflow.billing.Invoices;
import jp.partnerflow.billing.WorkReport;
import jp.partnerflow.billing.WorkReports;
import jp.partnerflow.meisai.MeisaiIssuance;
import jp.partnerflow.meisai.MeisaiIssue;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.payment.PaymentNotice;
import jp.partnerflow.payment.PaymentNotices;
import jp.partnerflow.platform.Tokyo;

/**
 * The story of one purchase order for staff, since Cockpit CE shows no history of a finished
 * instance: the order, each month's work report, every invoice version and review, every payment
 * notice version and event, and each 楽楽明細 issue — with who and when, in time order. Read from the
 * documents themselves (they keep every version and decision), not from the engine's history.
 */
@Service
public class OrderHistory {
    private final PurchaseOrders orders;
    private final Partners partners;
    private final WorkReports workReports;
    private final Invoices invoices;
    private final PaymentNotices paymentNotices;
    private final MeisaiIssuance meisai;

    OrderHistory(PurchaseOrders orders, Partners partners, WorkReports workReports, Invoices invoices,
            PaymentNotices paymentNotices, MeisaiIssuance meisai) {
        this.orders = orders;
        this.partners = partners;
        this.workReports = workReports;
        this.invoices = invoices;
        this.paymentNotices = paymentNotices;
        this.meisai = meisai;
    }

    /** One thing that happened: when, to which document, what, by whom, and the details. */
    public record Entry(Instant at, String document, String what, String who, String detail) {
    }

    /** The order's story, and the order itself (its number, title and partner head the page). */
    public record Story(PurchaseOrder order, String partnerName, List<Entry> entries) {
    }

    public Story of(long orderId) {
        PurchaseOrder order = orders.get(orderId);
        String partner = partners.nameOf(order.partnerId());
        List<Entry> entries = new ArrayList<>();
        String document = "発注書 " + order.number();
        entries.add(new Entry(order.issuedAt(), document, "発行（第" + (order.revision() + 1) + "版）", "発注担当",
                order.title() + "・" + order.periodStart() + "〜" + order.periodEnd() + "・報酬 " + yen(order.fee()) + "円（税抜）"));
        add(entries, order.approvedAt(), document, "承認", partner, "");
        add(entries, order.declinedAt(), document, "辞退", partner, "");
        add(entries, order.cancelledAt(), document, "取消", "発注担当", "");
        for (WorkReport report : workReports.ofOrder(orderId)) {
            BigDecimal hours = report.entries().stream().map(WorkReport.Entry::hours).filter(h -> h != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            entries.add(new Entry(report.createdAt(), "業務報告", "登録", switch (report.createdBy()) {
            case PARTNER -> partner;
            case STAFF -> "発注担当";
            case SYSTEM -> "自動（固定報酬）";
            }, report.entries().size() + "件・" + hours.stripTrailingZeros().toPlainString() + "時間"));
        }
        for (InvoiceView invoice : invoices.ofOrder(orderId)) {
            String name = "請求書 " + invoice.number();
            invoice.versions().forEach(sent -> add(entries, sent.submittedAt(), name, "第" + sent.version() + "版を提出",
                    partner, "請求金額 " + yen(sent.total()) + "円"));
            for (Invoice.Review review : invoice.reviews()) {
                entries.add(new Entry(review.decidedAt(), name, "第" + review.version() + "版を"
                        + (review.decision() == Invoice.Decision.APPROVE ? "承認" : "差し戻し"), review.reviewer(),
                        Optional.ofNullable(review.reason()).orElse("")));
            }
        }
        for (PaymentNotice notice : paymentNotices.ofOrder(orderId)) {
            String name = "支払通知書 " + notice.number();
            for (PaymentNotice.Version version : notice.versions()) {
                add(entries, version.sentAt(), name, "第" + version.version() + "版を送付", "経理",
                        "お支払額 " + yen(version.amountPaid()) + "円・お支払日 " + version.paymentDate()
                                + (version.confirmationDeadline() == null ? "" : "・確認期限 " + Tokyo.when(version.confirmationDeadline())));
            }
            for (PaymentNotice.Event event : notice.events()) {
                if (event.kind() == PaymentNotice.EventKind.SENT) {
                    continue; // the version's sending above says it with the amounts
                }
                entries.add(new Entry(event.occurredAt(), name, "第" + event.version() + "版を" + switch (event.kind()) {
                case APPROVED -> "承認";
                case AUTO_APPROVED -> "期日超過承認";
                case RETURNED -> "差し戻し";
                case CORRECTED -> "修正";
                case SENT -> "送付";
                }, event.kind() == PaymentNotice.EventKind.AUTO_APPROVED ? "自動（確認期限）"
                        : event.kind() == PaymentNotice.EventKind.APPROVED || event.kind() == PaymentNotice.EventKind.RETURNED
                                ? partner : event.actor(),
                        Optional.ofNullable(event.reason()).orElse("")));
            }
            for (MeisaiIssue issue : meisai.ofPaymentNotice(notice.id())) {
                String method = issue.importMethod() == null ? "" : switch (issue.importMethod()) {
                case NEW -> "新規発行";
                case REPLACE -> "差替発行";
                };
                add(entries, issue.requestedAt(), name, "楽楽明細に第" + issue.version() + "版を連携", "自動",
                        method + (issue.importId() == null ? "" : "・取込ID " + issue.importId()));
                add(entries, issue.completedAt(), name, "楽楽明細の取込が完了（第" + issue.version() + "版）", "楽楽明細", "");
            }
        }
        entries.sort(Comparator.comparing(Entry::at));
        return new Story(order, partner, entries);
    }

    /** The order a document number (発注書 PO-…, 請求書 INV-…, 支払通知書 PN-…) belongs to. */
    public Optional<Long> orderOfNumber(String number) {
        String wanted = number.strip();
        return orders.findByNumber(wanted).map(PurchaseOrder::id)
                .or(() -> invoices.orderOfNumber(wanted))
                .or(() -> paymentNotices.findByNumber(wanted).map(PaymentNotice::purchaseOrderId));
    }

    public long companyOf(long orderId) {
        return orders.companyOf(orderId);
    }

    private static void add(List<Entry> entries, Instant at, String document, String what, String who, String detail) {
        if (at != null) {
            entries.add(new Entry(at, document, what, who, detail));
        }
    }

    private static String yen(long amount) {
        return "%,d".formatted(amount);
    }
}
