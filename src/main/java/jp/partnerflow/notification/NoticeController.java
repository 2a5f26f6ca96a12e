package jp.partnerflow.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.StaffCompanies;

/** The partner's in-app notice list, with how each notice was delivered. */
@RestController
class NoticeController {
    private final NoticeRepository notices;
    private final NoticeDeliveries deliveries;
    private final Partners partners;

    private final StaffCompanies staff;

    NoticeController(NoticeRepository notices, NoticeDeliveries deliveries, Partners partners, StaffCompanies staff) {
        this.staff = staff;
        this.notices = notices;
        this.deliveries = deliveries;
        this.partners = partners;
    }

    record NoticeView(long id, NoticeType type, String title, String body, String linkUrl,
            List<NoticeAction> actions, Instant createdAt, List<NoticeDelivery> deliveries) {
    }

    @GetMapping("/api/partners/{partnerId}/notices")
    List<NoticeView> ofPartner(@PathVariable long partnerId) {
        staff.check(partners.companyOfPartner(partnerId), "partner", partnerId);
        return notices.findByPartnerIdOrderByIdDesc(partnerId).stream()
                .map(n -> new NoticeView(n.id(), n.type(), n.title(), n.body(), n.linkUrl(), n.actions(),
                        n.createdAt(), deliveries.of(n.id())))
                .toList();
    }
}
