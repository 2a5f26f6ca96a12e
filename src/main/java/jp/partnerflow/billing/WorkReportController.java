package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.platform.StaffCompanies;

/** Work reports of an order's billing months, as staff enter them and as the partner registers work (稼動を登録する). */
@RestController
class WorkReportController {
    private final WorkReports reports;
    private final PurchaseOrders orders;
    private final StaffCompanies staff;

    WorkReportController(WorkReports reports, PurchaseOrders orders, StaffCompanies staff) {
        this.reports = reports;
        this.orders = orders;
        this.staff = staff;
    }

    record NewWorkReport(
            @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2027-01") String billingMonth,
            @NotEmpty @Size(max = 62) List<@Valid NewEntry> entries) {
    }

    record MyWorkReport(@NotNull Long orderId,
            @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month like 2027-01") String billingMonth,
            @NotEmpty @Size(max = 62) List<@Valid NewEntry> entries) {
    }

    record NewEntry(
            @NotNull LocalDate workDate,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 2) BigDecimal hours,
            @NotBlank @Size(max = 1000) String content) {
    }

    /** Staff report a month's work for the partner; the partner is told 「業務報告が作成されました」. */
    @PostMapping("/api/orders/{orderId}/work-reports")
    @ResponseStatus(HttpStatus.CREATED)
    WorkReport create(@PathVariable long orderId, @Valid @RequestBody NewWorkReport request) {
        staff.check(orders.companyOf(orderId), "purchase order", orderId);
        return reports.create(orderId, request.billingMonth(), entries(request.entries()), WorkReport.CreatedBy.STAFF);
    }

    @GetMapping("/api/orders/{orderId}/work-reports")
    List<WorkReport> ofOrder(@PathVariable long orderId) {
        staff.check(orders.companyOf(orderId), "purchase order", orderId);
        return reports.ofOrder(orderId);
    }

    /** The partner registers a month's work on one of their orders; they are told 「業務報告が作成されました」. */
    @PostMapping("/api/me/work-reports")
    @ResponseStatus(HttpStatus.CREATED)
    WorkReport createMine(@AuthenticationPrincipal PartnerPrincipal me, @Valid @RequestBody MyWorkReport request) {
        reports.mustBeOrderOf(me, request.orderId());
        return reports.create(request.orderId(), request.billingMonth(), entries(request.entries()),
                WorkReport.CreatedBy.PARTNER);
    }

    @GetMapping("/api/me/work-reports")
    List<WorkReport> mine(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam long orderId) {
        reports.mustBeOrderOf(me, orderId);
        return reports.ofOrder(orderId);
    }

    private static List<WorkReport.Entry> entries(List<NewEntry> entries) {
        return entries.stream().map(e -> new WorkReport.Entry(e.workDate(), e.hours(), e.content().strip())).toList();
    }
}
