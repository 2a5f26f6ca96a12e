package jp.partnerflow.line;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.partnerflow.partner.Consent;
import jp.partnerflow.partner.LineLinkRefused;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.PartnerSession;
import jp.partnerflow.partner.Partners;

/**
 * Registration (利用規約, プライバシーポリシー and the consent to electronic documents ticked, then
 * 「LINEでユーザー登録」) and login (「LINEでログイン」) of partners through LINE Login. A refusal is a
 * page that says what happened and what to do, and links nothing.
 */
@Controller
class LineLoginController {
    private static final Logger log = LoggerFactory.getLogger(LineLoginController.class);
    private static final String ATTEMPT = LineLoginController.class.getName() + ".attempt";

    private final LineLogin login;
    private final Partners partners;
    private final URI callback;

    LineLoginController(LineLogin login, Partners partners, @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.login = login;
        this.partners = partners;
        this.callback = URI.create(publicBaseUrl.replaceAll("/+$", "") + "/partner/line/callback");
    }

    @GetMapping("/partner/login")
    String loginPage(Model model) {
        model.addAttribute("lineLoginEnabled", login.enabled());
        return "partner/login";
    }

    @GetMapping("/partner/login/line")
    String startLogin(HttpSession session) {
        return redirectToLine(session, login.start(null, Set.of()));
    }

    @GetMapping("/partner/register/{partnerId}")
    String registerPage(@PathVariable long partnerId, Model model) {
        partners.get(partnerId);
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("consents", Consent.values());
        model.addAttribute("lineLoginEnabled", login.enabled());
        return "partner/register";
    }

    @PostMapping("/partner/register/{partnerId}")
    String register(@PathVariable long partnerId, @RequestParam(name = "consent", required = false) List<Consent> consents,
            HttpSession session, Model model, HttpServletResponse response) {
        partners.get(partnerId);
        Set<Consent> given = consents == null || consents.isEmpty() ? EnumSet.noneOf(Consent.class) : EnumSet.copyOf(consents);
        if (!given.containsAll(EnumSet.allOf(Consent.class))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("partnerId", partnerId);
            model.addAttribute("consents", Consent.values());
            model.addAttribute("given", given);
            model.addAttribute("lineLoginEnabled", login.enabled());
            model.addAttribute("error", "登録するには、3つの項目すべてに同意してください。");
            return "partner/register";
        }
        return redirectToLine(session, login.start(partnerId, given));
    }

    /** LINE sends the partner back here; the attempt is taken from the session, so a callback counts once. */
    @GetMapping("/partner/line/callback")
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession(false);
        LineLogin.Attempt attempt = session == null ? null : (LineLogin.Attempt) session.getAttribute(ATTEMPT);
        if (session != null) {
            session.removeAttribute(ATTEMPT);
        }
        if (error != null) {
            return refused(response, model, "LINEでの認証が完了しませんでした", "もう一度、はじめからお試しください。");
        }
        LineLogin.SignedIn signedIn;
        try {
            signedIn = login.callback(attempt, state, code, callback);
        } catch (LineLoginException e) {
            log.warn("LINE Login refused: {}", e.getMessage());
            return refused(response, model, "ログインできませんでした", "お手数ですが、もう一度はじめからログインしてください。");
        }
        LineIdToken token = signedIn.token();
        Partner partner;
        if (attempt.partnerId() != null) {
            try {
                partner = partners.linkLine(attempt.partnerId(), token.sub(), token.email(), signedIn.friend(),
                        attempt.consents());
            } catch (LineLinkRefused e) {
                log.warn("LINE account not linked: {}", e.getMessage());
                return switch (e.reason()) {
                    case NO_EMAIL -> refused(response, model, "LINEからメールアドレスを受け取れませんでした",
                            "LINEにメールアドレスが登録されていないか、メールアドレスの提供が許可されていません。"
                                    + "LINEアプリの「設定」→「アカウント」でメールアドレスを登録し、もう一度「LINEでユーザー登録」から進んで、"
                                    + "同意画面でメールアドレスの提供を許可してください。連携は行われていません。");
                    case EMAIL_MISMATCH -> refused(response, model, "メールアドレスが一致しません",
                            "LINEに登録されているメールアドレスが、ご登録のメールアドレスと一致しません。"
                                    + "LINEのメールアドレスをご確認のうえ、もう一度お試しください。連携は行われていません。");
                    case LINKED_TO_ANOTHER_PARTNER -> refused(response, model, "このLINEアカウントは使えません",
                            "このLINEアカウントは、この会社の別のパートナーにすでに連携されています。連携は行われていません。");
                };
            }
        } else {
            partner = partners.signedInWithLine(token.sub()).orElse(null);
            if (partner == null) {
                return refused(response, model, "ユーザー登録がまだです",
                        "このLINEアカウントは登録されていません。会社から届いた登録用のリンクからユーザー登録してください。");
            }
        }
        String asked = PartnerSession.signIn(request, response, partner);
        if (attempt.partnerId() != null) {
            return partner.basicInfo() == null ? "redirect:/partner/basic-info?next=/partner/registered"
                    : "redirect:/partner/registered";
        }
        return "redirect:" + (asked != null ? asked : "/partner");
    }

    private String redirectToLine(HttpSession session, LineLogin.Attempt attempt) {
        session.setAttribute(ATTEMPT, attempt);
        return "redirect:" + login.authorizeUri(attempt, callback);
    }

    private static String refused(HttpServletResponse response, Model model, String title, String message) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("link", "/partner/login");
        model.addAttribute("linkLabel", "ログイン画面へ");
        return "partner/message";
    }
}
