package jp.partnerflow.payment;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.order.PurchaseOrders;
import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.PageMessages;

/**
 * The payment notice page from 「支払通知書を確認してください」: the amounts, the payment date and
 * the deadline; approve it, or return it with the reason (差し戻し) — the same decisions as on LINE.
 */
@Controller
class PaymentNoticePagesController {
    private final PaymentNotices notices;
    private final PurchaseOrders orders;

    PaymentNoticePagesController(PaymentNotices notices, PurchaseOrders orders) {
        this.notices = notices;
        this.orders = orders;
    }

    /** 支払通知書: every notice of the partner, newest first, with its state and deadline. */
    @GetMapping("/partner/payment-notices")
    String notices(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("notices", notices.ofPartner(me.partnerId()));
        return "partner/payment-notices";
    }

    @GetMapping("/partner/payment-notices/{id}")
    String notice(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model) {
        PaymentNotice notice = notices.mine(me, id);
        model.addAttribute("notice", notice);
        model.addAttribute("order", orders.get(notice.purchaseOrderId()));
        return "partner/payment-notice";
    }

    @PostMapping("/partner/payment-notices/{id}/approve")
    String approve(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model,
            HttpServletResponse response) {
        PaymentNotice notice = notices.mine(me, id);
        try {
            notices.approveByPartner(me.partnerId(), id);
        } catch (ConflictException e) {
            return notWaiting(model, response, id);
        }
        return PageMessages.page(model, "支払通知書を承認しました", "支払通知書 " + notice.number() + " を承認しました。",
                "/partner/payment-notices/" + id, "支払通知書を見る");
    }

    @PostMapping("/partner/payment-notices/{id}/return")
    String returnIt(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id,
            @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        PaymentNotice notice = notices.mine(me, id);
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("notice", notice);
            model.addAttribute("order", orders.get(notice.purchaseOrderId()));
            model.addAttribute("error", "差し戻しの理由を入力してください（1000文字まで）。");
            return "partner/payment-notice";
        }
        try {
            notices.returnByPartner(me.partnerId(), id, reason);
        } catch (ConflictException e) {
            return notWaiting(model, response, id);
        }
        return PageMessages.page(model, "支払通知書を差し戻しました", "担当者が内容を確認し、修正した支払通知書をお送りします。",
                "/partner/payment-notices/" + id, "支払通知書を見る");
    }

    private static String notWaiting(Model model, HttpServletResponse response, long id) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return PageMessages.page(model, "この支払通知書は操作できません",
                "確認期限を過ぎたか、すでに承認・差し戻し済みです。最新の内容をご確認ください。",
                "/partner/payment-notices/" + id, "支払通知書を見る");
    }
}
