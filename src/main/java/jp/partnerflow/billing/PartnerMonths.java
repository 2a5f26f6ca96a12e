package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.partnerflow.order.FeeType;
import jp.partnerflow.order.OrderStatus;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.PartnerTodos;
import jp.partnerflow.platform.Tokyo;

/**
 * A partner's billing months as their pages show them: every month of their approved orders that
 * has begun, with its work report and invoice — the 稼動 and 請求書 lists, and what is still to do
 * (稼動を登録する, 請求書を作成する, 請求書を直す) on their home page.
 */
@Component
public class PartnerMonths implements PartnerTodos {
    private final PurchaseOrders orders;
    private final BillingMonths months;
    private final WorkReportRepository workReports;
    private final InvoiceRepository invoices;
    private final Clock clock;

    PartnerMonths(PurchaseOrders orders, BillingMonths months, WorkReportRepository workReports,
            InvoiceRepository invoices, Clock clock) {
        this.orders = orders;
        this.months = months;
        this.workReports = workReports;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** One billing month of an order: its work report (hours, or null) and invoice (or null). */
    public record Month(PurchaseOrder order, BillingMonth month, WorkReport workReport, Invoice invoice, boolean closed) {
        public String label() {
            return BillingMonths.inJapanese(month.billingMonth());
        }

        public String subject() {
            return order.title() + "（" + order.number() + "）" + label();
        }

        public BigDecimal hours() {
            return workReport == null ? BigDecimal.ZERO : workReport.entries().stream().map(WorkReport.Entry::hours)
                    .filter(h -> h != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public String invoiceState() {
            return invoice == null ? "未作成" : invoice.status().label();
        }

        public String query() {
            return "?order=" + order.id() + "&month=" + month.billingMonth();
        }
    }

    /** The months that have begun, newest first. */
    List<Month> monthsOf(long partnerId) {
        LocalDate today = LocalDate.now(clock.withZone(Tokyo.ZONE));
        List<Month> all = new ArrayList<>();
        for (PurchaseOrder order : orders.ofPartner(partnerId)) {
            if (order.status() != OrderStatus.APPROVED) {
                continue;
            }
            int closingDay = months.closingDayOf(order); // the company's: read once per order, not per month
            for (BillingMonth month : months.ofOrder(order.id())) {
                LocalDate first = ClosingCalendar.firstDay(closingDay, YearMonth.parse(month.billingMonth()));
                if (first.isAfter(today)) {
                    continue;
                }
                all.add(new Month(order, month, workReports.findByBillingMonthId(month.id()).orElse(null),
                        invoices.findByBillingMonthId(month.id()).orElse(null), today.isAfter(month.closingDate())));
            }
        }
        all.sort((a, b) -> b.month().billingMonth().compareTo(a.month().billingMonth()));
        return all;
    }

    @Override
    public List<Todo> of(long partnerId) {
        List<Todo> todos = new ArrayList<>();
        for (Month month : monthsOf(partnerId)) {
            Invoice invoice = month.invoice();
            if (invoice != null && invoice.status() == Invoice.Status.RETURNED) {
                todos.add(new Todo("差し戻された請求書を直す", month.subject(), null, "/partner/invoices/" + invoice.id()));
            } else if (invoice == null || invoice.status() == Invoice.Status.DRAFT) {
                if (month.workReport() == null && month.order().feeType() == FeeType.HOURLY) {
                    todos.add(new Todo("稼動を登録する", month.subject(), month.month().closingDate(),
                            "/partner/work-reports/new" + month.query()));
                } else if (month.closed()) {
                    // a draft's page is reached the same way (it opens the draft)
                    todos.add(new Todo("請求書を作成する", month.subject(), month.month().closingDate().plusDays(1),
                            "/partner/invoices/new" + month.query()));
                }
            }
        }
        return todos;
    }
}
