package jp.partnerflow.notification;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.Partners;

/** The partner's home page: their notices, newest first, each with its link (the in-app channel). */
@Controller
class NoticePagesController {
    private final NoticeRepository notices;
    private final Partners partners;

    NoticePagesController(NoticeRepository notices, Partners partners) {
        this.notices = notices;
        this.partners = partners;
    }

    @GetMapping("/partner")
    String home(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("partner", partners.get(me.partnerId()));
        model.addAttribute("notices", notices.findByPartnerIdOrderByIdDesc(me.partnerId()));
        return "partner/home";
    }
}
