package jp.partnerflow.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.notification.NoticeAction;
import jp.partnerflow.notification.NoticeType;
import jp.partnerflow.notification.NotifyPartner;
import jp.partnerflow.notification.PartnerNotice;
import jp.partnerflow.order.OrderReference;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.Partners;

/** The billing-month feature's public API, and the month's steps in its process. */
@Service("billingMonths")
public class BillingMonths implements BillingMonthSteps {
    private final BillingMonthRepository months;
    private final PurchaseOrders orders;
    private final Partners partners;
    private final Companies companies;
    private final NotifyPartner notifyPartner;
    private final Clock clock;
    private final String publicBaseUrl;

    BillingMonths(BillingMonthRepository months, PurchaseOrders orders, Partners partners, Companies companies,
            NotifyPartner notifyPartner, Clock clock,
            @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.months = months;
        this.orders = orders;
        this.partners = partners;
        this.companies = companies;
        this.notifyPartner = notifyPartner;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public List<String> of(long orderId) {
        PurchaseOrder order = orders.get(orderId);
        return ClosingCalendar.billingMonths(closingDayOf(order), order.periodStart(), order.periodEnd()).stream()
                .map(YearMonth::toString).toList();
    }

    @Override
    @Transactional
    public int open(long orderId, String billingMonth, String processInstanceId) {
        int closingDay = closingDayOf(orders.get(orderId));
        if (find(orderId, billingMonth).isEmpty()) {
            LocalDate closingDate = ClosingCalendar.closingDate(closingDay, YearMonth.parse(billingMonth));
            months.save(new BillingMonth(null, orderId, billingMonth, closingDate, BillingMonth.Status.OPEN,
                    processInstanceId, clock.instant()));
        }
        return closingDay;
    }

    @Override
    @Transactional
    public void remindToInvoice(long orderId, String billingMonth) {
        OrderReference order = orders.reference(orderId);
        ReminderFacts month = reminderFacts(orderId, billingMonth);
        // month first: LINE shows the first 60 characters
        String body = "%s（締め日 %d月%d日）\n%s（%s）".formatted(inJapanese(billingMonth),
                month.closingDate().getMonthValue(), month.closingDate().getDayOfMonth(), order.title(), order.number());
        String query = "?order=" + orderId + "&month=" + billingMonth;
        String page = publicBaseUrl + "/partner/invoices/new" + query;
        NoticeAction createInvoice = NoticeAction.link("請求書を作成する", page);
        // an invoice is made from the month's work report: without one, registering work comes first
        List<NoticeAction> actions = month.workReported() ? List.of(createInvoice)
                : List.of(NoticeAction.link("稼動を登録する", publicBaseUrl + "/partner/work-reports/new" + query), createInvoice);
        notifyPartner.send(new PartnerNotice(order.partnerId(), NoticeType.INVOICE_REMINDER, body, page, actions));
    }

    private ReminderFacts reminderFacts(long orderId, String billingMonth) {
        return months.findReminderFacts(orderId, billingMonth).orElseThrow(() -> notOpened(orderId, billingMonth));
    }

    /** The closing day of the company the order is with. */
    int closingDayOf(PurchaseOrder order) {
        return companies.get(partners.companyOfPartner(order.partnerId())).closingDay();
    }

    BillingMonth get(long billingMonthId) {
        return months.findById(billingMonthId).orElseThrow();
    }

    List<BillingMonth> ofOrder(long orderId) {
        return months.findByPurchaseOrderIdOrderByBillingMonth(orderId);
    }

    Optional<BillingMonth> find(long orderId, String billingMonth) {
        return months.findByPurchaseOrderIdAndBillingMonth(orderId, billingMonth);
    }

    /** A month the order's process has opened; a step of that process that finds none is a bug. */
    BillingMonth opened(long orderId, String billingMonth) {
        return find(orderId, billingMonth).orElseThrow(() -> notOpened(orderId, billingMonth));
    }

    private static IllegalStateException notOpened(long orderId, String billingMonth) {
        return new IllegalStateException("billing month " + billingMonth + " of order " + orderId + " was not opened");
    }

    /** "2027-01" → 「2027年1月分」 as notices say it. */
    public static String inJapanese(String billingMonth) {
        YearMonth month = YearMonth.parse(billingMonth);
        return "%d年%d月分".formatted(month.getYear(), month.getMonthValue());
    }
}
