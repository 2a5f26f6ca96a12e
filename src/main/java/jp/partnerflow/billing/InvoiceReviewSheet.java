package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import jp.partnerflow.order.TaxRate;
import jp.partnerflow.platform.FormTable;
import jp.partnerflow.platform.Tokyo;

/**
 * What 「請求書を確認する」 shows the reviewer (forms/review-invoice.form): the invoice as the partner
 * sent it — lines, 登録番号, 立替経費, totals —, the month's work report, a link that opens the attached
 * report, and for a resubmitted invoice every earlier return with its reason, reviewer, time and
 * what the partner changed since. Lists are JSON variables, the form's tables read them.
 */
@Component
class InvoiceReviewSheet {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);

    private final Invoices invoices;
    private final InvoiceVersionRepository versions;
    private final WorkReports workReports;

    InvoiceReviewSheet(Invoices invoices, InvoiceVersionRepository versions, WorkReports workReports) {
        this.invoices = invoices;
        this.versions = versions;
        this.workReports = workReports;
    }

    /** The task's name in the Tasklist list: the case at a glance. */
    String taskName(String name, long invoiceId) {
        InvoiceView invoice = invoices.view(invoiceId);
        return name + " " + invoice.number() + " " + invoice.partnerName() + " " + yen(invoice.amounts().total()) + "円";
    }

    /** Tasklist's Description tab: what to check, and how many times it came back. */
    String description(long invoiceId) {
        InvoiceView invoice = invoices.view(invoiceId);
        long returns = invoice.reviews().stream().filter(r -> r.decision() == Invoice.Decision.RETURN).count();
        return invoice.partnerName() + " さんの" + BillingMonths.inJapanese(invoice.billingMonth()) + "の請求書（第"
                + invoice.version() + "版、請求金額 " + yen(invoice.amounts().total()) + "円）。明細・登録番号・立替経費・報告書を確かめ、"
                + "承認するか、理由を添えて差し戻してください。" + (returns == 0 ? "" : "これまでに" + returns + "回差し戻しています。");
    }

    Map<String, Object> of(long invoiceId) {
        InvoiceView invoice = invoices.view(invoiceId);
        InvoiceAmounts amounts = invoice.amounts();
        Map<String, Object> sheet = new LinkedHashMap<>();
        sheet.put("invoiceNumber", invoice.number() + "（第" + invoice.version() + "版）");
        sheet.put("partnerName", invoice.partnerName());
        sheet.put("billingMonth", BillingMonths.inJapanese(invoice.billingMonth()));
        sheet.put("registrationNumber", invoice.registrationNumber() != null ? invoice.registrationNumber()
                : "なし（適格請求書発行事業者の登録番号の記載がありません）");
        sheet.put("subtotal", yen(amounts.subtotal()));
        sheet.put("tax", yen(amounts.tax()));
        sheet.put("expenses", yen(amounts.expenses()));
        sheet.put("invoiceTotal", yen(amounts.total()));
        sheet.put("withholding", yen(amounts.withholding()));
        sheet.put("amountToPay", yen(amounts.amountToPay()));
        sheet.put("lines", FormTable.of(invoice.lines().stream().map(line -> FormTable.row(
                "content", line.content(), "quantity", quantity(line.quantity()), "unitPrice", yen(line.unitPrice()),
                "taxRate", taxRate(line.taxRate()), "amount", yen(line.amount()))).toList()));
        sheet.put("expenseLines", FormTable.of(invoice.expenses().stream().map(expense -> FormTable.row(
                "content", expense.content(), "amount", yen(expense.amount()))).toList()));
        sheet.put("hasExpenses", !invoice.expenses().isEmpty());
        workReport(invoice, sheet);
        sheet.put("reportLink", invoice.attachment() == null ? "添付された報告書はありません。"
                : "[添付の報告書を開く（" + invoice.attachment().fileName().replaceAll("[\\[\\]()]", "") + "）](/staff/invoices/"
                        + invoice.id() + "/report)");
        sheet.put("historyLink", "[この発注の履歴を見る](/staff/orders/" + invoice.orderId() + "/history)");
        List<Map<String, String>> rounds = earlierRounds(invoice);
        sheet.put("earlierRounds", FormTable.of(rounds));
        sheet.put("hasEarlierRounds", !rounds.isEmpty());
        return sheet;
    }

    private void workReport(InvoiceView invoice, Map<String, Object> sheet) {
        List<WorkReport.Entry> entries = workReports.ofMonth(invoice.orderId(), invoice.billingMonth())
                .map(WorkReport::entries).orElse(List.of());
        sheet.put("workDays", FormTable.of(entries.stream().map(entry -> FormTable.row("date", DAY.format(entry.workDate()),
                "hours", quantity(entry.hours()), "content", entry.content())).toList()));
        BigDecimal hours = entries.stream().map(WorkReport.Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        sheet.put("workSummary", entries.isEmpty() ? "この月の業務報告はありません。"
                : "稼動 " + entries.stream().map(WorkReport.Entry::workDate).distinct().count() + " 日・合計 "
                        + quantity(hours) + " 時間");
    }

    /** Each return before this version: why, who, when, and what the next version changed. */
    private List<Map<String, String>> earlierRounds(InvoiceView invoice) {
        List<InvoiceVersion> all = versions.findByInvoiceIdOrderByVersion(invoice.id());
        List<Map<String, String>> rounds = new ArrayList<>();
        for (Invoice.Review review : invoice.reviews()) {
            if (review.decision() != Invoice.Decision.RETURN || review.version() >= invoice.version()) {
                continue;
            }
            InvoiceVersion returned = all.get(review.version() - 1);
            InvoiceVersion next = all.get(review.version());
            rounds.add(FormTable.row("version", "第" + review.version() + "版", "reason", review.reason(),
                    "reviewer", review.reviewer(), "decidedAt", Tokyo.when(review.decidedAt()),
                    "changes", String.join("／", changes(returned, next))));
        }
        return rounds;
    }

    static List<String> changes(InvoiceVersion before, InvoiceVersion after) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.registrationNumber(), after.registrationNumber())) {
            changes.add("登録番号 " + orNone(before.registrationNumber()) + " → " + orNone(after.registrationNumber()));
        }
        if (!Objects.equals(before.invoiceMonth(), after.invoiceMonth())) {
            changes.add("請求月 " + before.invoiceMonth() + " → " + after.invoiceMonth());
        }
        compare("明細", before.lines(), after.lines(), InvoiceReviewSheet::describe, changes);
        compare("立替経費", before.expenses(), after.expenses(), e -> e.content() + " " + yen(e.amount()) + "円", changes);
        if (!Objects.equals(before.attachmentId(), after.attachmentId())) {
            changes.add(after.attachmentId() == null ? "報告書を削除" : "報告書を差し替え");
        }
        long from = before.amounts().total();
        long to = after.amounts().total();
        if (from != to) {
            changes.add("請求金額 " + yen(from) + "円 → " + yen(to) + "円");
        }
        return changes.isEmpty() ? List.of("変更なし") : changes;
    }

    private static <T> void compare(String what, List<T> before, List<T> after, java.util.function.Function<T, String> text,
            List<String> changes) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String row = what + (i + 1) + "行目";
            if (i >= before.size()) {
                changes.add(row + "を追加（" + text.apply(after.get(i)) + "）");
            } else if (i >= after.size()) {
                changes.add(row + "を削除（" + text.apply(before.get(i)) + "）");
            } else if (!before.get(i).equals(after.get(i))) {
                changes.add(row + " " + text.apply(before.get(i)) + " → " + text.apply(after.get(i)));
            }
        }
    }

    private static String describe(InvoiceLine line) {
        return line.content() + " " + quantity(line.quantity()) + "×" + yen(line.unitPrice()) + "円 " + taxRate(line.taxRate());
    }

    private static String orNone(String value) {
        return value == null ? "なし" : value;
    }

    static String yen(long amount) {
        return "%,d".formatted(amount);
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static String taxRate(TaxRate rate) {
        return rate == TaxRate.NON_TAXABLE ? "非課税" : rate.percent() + "%";
    }
}
