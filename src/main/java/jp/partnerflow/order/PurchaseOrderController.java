package jp.partnerflow.order;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.company.PaymentTerms;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.StaffCompanies;

@RestController
@RequestMapping("/api/orders")
class PurchaseOrderController {
    private final PurchaseOrders orders;
    private final Partners partners;
    private final StaffCompanies staff;

    PurchaseOrderController(PurchaseOrders orders, Partners partners, StaffCompanies staff) {
        this.orders = orders;
        this.partners = partners;
        this.staff = staff;
    }

    /**
     * @param feeType optional; MONTHLY (a fixed fee per billing month) when absent
     * @param paymentTerms optional; the company's terms apply when absent
     */
    record NewOrder(
            @NotNull Long partnerId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 4000) String workContent,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @NotNull @Positive @Max(OrderTerms.MAX_FEE) Long fee,
            FeeType feeType,
            @NotNull TaxRate taxRate,
            @Valid PaymentTerms paymentTerms) {
    }

    /** Issues the order and starts its process; the partner is notified. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PurchaseOrder issue(@Valid @RequestBody NewOrder request) {
        partners.companyOf(request.partnerId())
                .ifPresent(company -> staff.checkField(company, "partnerId", "no such partner"));
        return orders.issue(request.partnerId(), new OrderTerms(request.title(), request.workContent(),
                request.periodStart(), request.periodEnd(), request.fee(), request.feeType(), request.taxRate()),
                request.paymentTerms());
    }

    @GetMapping("/{id}")
    PurchaseOrder get(@PathVariable long id) {
        staff.check(orders.companyOf(id), "purchase order", id);
        return orders.get(id);
    }

    @GetMapping
    List<PurchaseOrder> ofPartner(@RequestParam long partnerId) {
        staff.check(partners.companyOfPartner(partnerId), "partner", partnerId);
        return orders.ofPartner(partnerId);
    }
}
