package jp.partnerflow.partner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner's own pages about themselves: 基本情報 and 口座情報 (asked for after registration and
 * before an order can be approved, then back to where the partner was), the end of registration, and
 * the settings page where LINE can be unlinked. Every form is checked again here.
 */
@Controller
class PartnerPagesController {
    private static final Map<String, String> BASIC_INFO_ERRORS = Map.of(
            "postalCode", "郵便番号を 100-0001 の形で入力してください。",
            "address", "住所を入力してください（300文字まで）。",
            "phone", "電話番号を数字とハイフンで入力してください。");
    private static final Map<String, String> BANK_ACCOUNT_ERRORS = Map.of(
            "name", "金融機関名を入力してください。",
            "branch", "支店名を入力してください。",
            "accountType", "口座種別を選んでください。",
            "accountNumber", "口座番号を7桁の数字で入力してください。",
            "accountHolder", "口座名義を入力してください。");

    private final Partners partners;
    private final Validator validator;

    PartnerPagesController(Partners partners, Validator validator) {
        this.partners = partners;
        this.validator = validator;
    }

    /** What is missing before an order can be approved, one page at a time, then back to {@code next}. */
    @GetMapping("/partner/profile")
    String profile(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam(required = false) String next) {
        Partner partner = partners.get(me.partnerId());
        String back = next(next);
        if (partner.basicInfo() == null) {
            return "redirect:/partner/basic-info?next=" + back;
        }
        if (partner.bankAccount() == null) {
            return "redirect:/partner/bank-account?next=" + back;
        }
        return "redirect:" + back;
    }

    @GetMapping("/partner/basic-info")
    String basicInfo(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam(required = false) String next, Model model) {
        Partner partner = partners.get(me.partnerId());
        return form(model, "partner/basic-info", "info",
                partner.basicInfo() != null ? partner.basicInfo() : new BasicInfo("", "", ""), next, Map.of());
    }

    @PostMapping("/partner/basic-info")
    String saveBasicInfo(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam String postalCode,
            @RequestParam String address, @RequestParam String phone, @RequestParam(required = false) String next,
            Model model, HttpServletResponse response) {
        BasicInfo info = new BasicInfo(postalCode.strip(), address.strip(), phone.strip());
        Map<String, String> errors = errors(validator.validate(info), BASIC_INFO_ERRORS);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, "partner/basic-info", "info", info, next, errors);
        }
        partners.updateBasicInfo(me.partnerId(), info);
        return "redirect:/partner/profile?next=" + next(next);
    }

    @GetMapping("/partner/bank-account")
    String bankAccount(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam(required = false) String next,
            Model model) {
        Partner partner = partners.get(me.partnerId());
        return form(model, "partner/bank-account", "account", partner.bankAccount() != null ? partner.bankAccount()
                : new BankAccount("", "", BankAccount.AccountType.ORDINARY, "", ""), next, Map.of());
    }

    @PostMapping("/partner/bank-account")
    String saveBankAccount(@AuthenticationPrincipal PartnerPrincipal me, @RequestParam String name,
            @RequestParam String branch, @RequestParam(required = false) String accountType,
            @RequestParam String accountNumber, @RequestParam String accountHolder,
            @RequestParam(required = false) String next, Model model, HttpServletResponse response) {
        BankAccount.AccountType type = "CURRENT".equals(accountType) ? BankAccount.AccountType.CURRENT
                : "ORDINARY".equals(accountType) ? BankAccount.AccountType.ORDINARY : null;
        BankAccount account = new BankAccount(name.strip(), branch.strip(), type, accountNumber.strip(), accountHolder.strip());
        Map<String, String> errors = errors(validator.validate(account), BANK_ACCOUNT_ERRORS);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, "partner/bank-account", "account", account, next, errors);
        }
        partners.updateBankAccount(me.partnerId(), account);
        return "redirect:/partner/profile?next=" + next(next);
    }

    @GetMapping("/partner/registered")
    String registered(Model model) {
        model.addAttribute("title", "登録が完了しました");
        model.addAttribute("message", "ユーザー登録が完了しました。お知らせはLINE・メール・このページでお届けします。");
        model.addAttribute("link", "/partner");
        model.addAttribute("linkLabel", "お知らせ一覧へ");
        return "partner/message";
    }

    @GetMapping("/partner/settings")
    String settings(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("partner", partners.get(me.partnerId()));
        return "partner/settings";
    }

    /** LINE notices stop; mail and in-app go on. Linking again is registering again. */
    @PostMapping("/partner/settings/unlink-line")
    String unlinkLine(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        partners.unlinkLine(me.partnerId());
        model.addAttribute("title", "LINE連携を解除しました");
        model.addAttribute("message", "今後のお知らせはメールとこのページでお届けします。"
                + "再びLINEで受け取るには、会社から届いた登録用のリンクからもう一度登録してください。");
        return "partner/message";
    }

    /** A form page: what it shows, where it goes back to, and what was refused (field → message). */
    private static String form(Model model, String view, String name, Object value, String next,
            Map<String, String> errors) {
        model.addAttribute(name, value);
        model.addAttribute("next", next(next));
        model.addAttribute("errors", errors);
        return view;
    }

    /**
     * Where to go back to: only a page of this site (a {@code next} pointing elsewhere would make the
     * form an open redirect), else the settings.
     */
    private static String next(String next) {
        return next != null && next.startsWith("/partner") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("://") ? next : "/partner/settings";
    }

    private static <T> Map<String, String> errors(Set<ConstraintViolation<T>> violations, Map<String, String> messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), messages.get(v.getPropertyPath().toString())));
        return errors;
    }
}
