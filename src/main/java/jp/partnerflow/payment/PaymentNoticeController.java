package jp.partnerflow.payment;

import java.security.Principal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.StaffCompanies;

/**
 * Payment notices: staff read them with their history and correct approved ones
 * ({@code /api/payment-notices}); the partner reads, approves or returns their own ({@code /api/me}).
 */
@RestController
class PaymentNoticeController {
    private final PaymentNotices notices;
    private final Partners partners;
    private final StaffCompanies staff;

    PaymentNoticeController(PaymentNotices notices, Partners partners, StaffCompanies staff) {
        this.notices = notices;
        this.partners = partners;
        this.staff = staff;
    }

    record Correction(@NotNull LocalDate paymentDate, @NotBlank @Size(max = 1000) String note) {
    }

    record Objection(@NotBlank @Size(max = 1000) String reason) {
    }

    /** The notice with every version and event: who approved which version when, and whether automatically. */
    /** Another company's payment notice is not found. */
    private PaymentNotice ofMyCompany(PaymentNotice notice) {
        staff.check(partners.companyOfPartner(notice.partnerId()), "payment notice", notice.id());
        return notice;
    }

    @GetMapping("/api/payment-notices/{id}")
    PaymentNotice get(@PathVariable long id) {
        return ofMyCompany(notices.get(id));
    }

    @GetMapping("/api/payment-notices")
    PaymentNotice ofInvoice(@RequestParam long invoiceId) {
        return ofMyCompany(notices.ofInvoice(invoiceId));
    }

    /** Corrects an approved notice: a new version under the same number, sent to the partner again. */
    @PostMapping("/api/payment-notices/{id}/corrections")
    PaymentNotice correct(@PathVariable long id, @Valid @RequestBody Correction correction, Principal caller) {
        ofMyCompany(notices.get(id));
        return notices.correctApproved(id, correction.paymentDate(), correction.note().strip(), caller.getName());
    }

    @GetMapping("/api/me/payment-notices/{id}")
    PaymentNotice mine(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id) {
        return notices.mine(me, id);
    }

    @PostMapping("/api/me/payment-notices/{id}/approve")
    PaymentNotice approve(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id) {
        return notices.approveByPartner(me.partnerId(), id);
    }

    @PostMapping("/api/me/payment-notices/{id}/return")
    PaymentNotice returnIt(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @Valid @RequestBody Objection objection) {
        return notices.returnByPartner(me.partnerId(), id, objection.reason());
    }
}
