package jp.partnerflow.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.notification.NoticeAction;
import jp.partnerflow.notification.NoticeType;
import jp.partnerflow.notification.NotifyPartner;
import jp.partnerflow.notification.PartnerNotice;
import jp.partnerflow.order.FeeType;
import jp.partnerflow.order.PurchaseOrder;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.InvalidFieldException;

/** The work-report feature's public API, and its step in the billing-month process. */
@Service("workReports")
public class WorkReports implements WorkReportSteps {
    private final WorkReportRepository reports;
    private final BillingMonths months;
    private final PurchaseOrders orders;
    private final NotifyPartner notifyPartner;
    private final Clock clock;
    private final String publicBaseUrl;

    WorkReports(WorkReportRepository reports, BillingMonths months, PurchaseOrders orders, NotifyPartner notifyPartner,
            Clock clock, @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.reports = reports;
        this.months = months;
        this.orders = orders;
        this.notifyPartner = notifyPartner;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** An hourly order's work is reported by the partner; a month that has a report keeps it. */
    @Override
    @Transactional
    public void generateFixedFeeReport(long orderId, String billingMonth) {
        PurchaseOrder order = orders.get(orderId);
        BillingMonth month = months.opened(orderId, billingMonth);
        if (order.feeType() != FeeType.MONTHLY || reports.findByBillingMonthId(month.id()).isPresent()) {
            return;
        }
        reports.save(new WorkReport(null, month.id(), WorkReport.CreatedBy.SYSTEM, clock.instant(),
                List.of(new WorkReport.Entry(null, null, order.title() + "（月額固定報酬）"))));
        notifyCreated(order, billingMonth);
    }

    /**
     * A month's work as staff or the partner report it: the month must be an open billing month of
     * the order, each day must fall in it and in the order's period, and a month has one report.
     */
    @Transactional
    public WorkReport create(long orderId, String billingMonth, List<WorkReport.Entry> entries,
            WorkReport.CreatedBy createdBy) {
        PurchaseOrder order = orders.get(orderId);
        BillingMonth month = months.find(orderId, billingMonth)
                .orElseThrow(() -> new InvalidFieldException("billingMonth", "is not an open billing month of this order",
                        "この月はまだ登録できません。"));
        LocalDate first = ClosingCalendar.firstDay(months.closingDayOf(order), YearMonth.parse(billingMonth));
        for (int i = 0; i < entries.size(); i++) {
            LocalDate day = entries.get(i).workDate();
            if (day.isBefore(first) || day.isAfter(month.closingDate())) {
                throw new InvalidFieldException("entries[" + i + "].workDate",
                        "must be within the billing month, " + first + " to " + month.closingDate(),
                        "対象月の期間内の日付を入力してください。");
            }
            if (day.isBefore(order.periodStart()) || day.isAfter(order.periodEnd())) {
                throw new InvalidFieldException("entries[" + i + "].workDate", "must be within the order's period",
                        "発注の期間内の日付を入力してください。");
            }
        }
        String exists = "the work report of " + billingMonth + " exists already";
        if (reports.findByBillingMonthId(month.id()).isPresent()) {
            throw new ConflictException(exists);
        }
        WorkReport report;
        try {
            report = reports.save(new WorkReport(null, month.id(), createdBy, clock.instant(), List.copyOf(entries)));
        } catch (DbActionExecutionException e) {
            // made at the same moment (by the fixed-fee timer, staff or another tap): the partner's page says so too
            throw e.getCause() instanceof DuplicateKeyException ? new ConflictException(exists) : e;
        }
        notifyCreated(order, billingMonth);
        return report;
    }

    /** Refuses (403) a partner's request about someone else's order. */
    void mustBeOrderOf(PartnerPrincipal partner, long orderId) {
        partner.mustOwn("order", orderId, orders.get(orderId).partnerId());
    }

    /** The work report of the order's billing month, if there is one. */
    public Optional<WorkReport> ofMonth(long orderId, String billingMonth) {
        return months.find(orderId, billingMonth).flatMap(month -> reports.findByBillingMonthId(month.id()));
    }

    /** The order's work reports, by billing month. */
    public List<WorkReport> ofOrder(long orderId) {
        orders.get(orderId);
        return reports.findByPurchaseOrderId(orderId);
    }

    private void notifyCreated(PurchaseOrder order, String billingMonth) {
        String page = publicBaseUrl + "/partner/work-reports?order=" + order.id() + "&month=" + billingMonth;
        notifyPartner.send(new PartnerNotice(order.partnerId(), NoticeType.WORK_REPORT_CREATED,
                "%s\n%s（%s）".formatted(BillingMonths.inJapanese(billingMonth), order.title(), order.number()),
                page, List.of(NoticeAction.link("業務報告を見る", page))));
    }
}
