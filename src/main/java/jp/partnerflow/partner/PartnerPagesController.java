package jp.partnerflow.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner's own pages about themselves: 基本情報 (asked for right after registration when
 * missing), the end of registration, and the settings page where LINE can be unlinked. Every form is
 * checked again here, whatever the page checked.
 */
@Controller
class PartnerPagesController {
    private static final Map<String, String> BASIC_INFO_ERRORS = Map.of(
            "postalCode", "郵便番号を 100-0001 の形で入力してください。",
            "address", "住所を入力してください（300文字まで）。",
            "phone", "電話番号を数字とハイフンで入力してください。");

    private final Partners partners;
    private final Validator validator;

    PartnerPagesController(Partners partners, Validator validator) {
        this.partners = partners;
        this.validator = validator;
    }

    @GetMapping("/p/basic-info")
    String basicInfo(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam(required = false) String registering,
            Model model) {
        Partner partner = partners.get(me.partnerId());
        model.addAttribute("info", partner.basicInfo() != null ? partner.basicInfo() : new BasicInfo("", "", ""));
        model.addAttribute("registering", registering != null);
        model.addAttribute("errors", Map.of());
        return "p/basic-info";
    }

    @PostMapping("/p/basic-info")
    String saveBasicInfo(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam String postalCode,
            @RequestParam String address, @RequestParam String phone,
            @RequestParam(required = false) String registering, Model model, HttpServletResponse response) {
        BasicInfo info = new BasicInfo(postalCode.strip(), address.strip(), phone.strip());
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(info).forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(),
                BASIC_INFO_ERRORS.get(v.getPropertyPath().toString())));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("info", info);
            model.addAttribute("registering", registering != null);
            model.addAttribute("errors", errors);
            return "p/basic-info";
        }
        partners.updateBasicInfo(me.partnerId(), info);
        return registering != null ? "redirect:/p/registered" : "redirect:/p/settings?saved";
    }

    @GetMapping("/p/registered")
    String registered(Model model) {
        model.addAttribute("title", "登録が完了しました");
        model.addAttribute("message", "ユーザー登録が完了しました。お知らせはLINE・メール・このページでお届けします。");
        model.addAttribute("link", "/p");
        model.addAttribute("linkLabel", "お知らせ一覧へ");
        return "p/message";
    }

    @GetMapping("/p/settings")
    String settings(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        Partner partner = partners.get(me.partnerId());
        model.addAttribute("partner", partner);
        model.addAttribute("consents", partners.consents(me.partnerId()));
        return "p/settings";
    }

    /** LINE notices stop; mail and in-app go on. The partner can sign in again only by registering again. */
    @PostMapping("/p/settings/unlink-line")
    String unlinkLine(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        partners.unlinkLine(me.partnerId());
        model.addAttribute("title", "LINE連携を解除しました");
        model.addAttribute("message", "今後のお知らせはメールとこのページでお届けします。"
                + "再びLINEで受け取るには、会社から届いた登録用のリンクからもう一度登録してください。");
        return "p/message";
    }
}
