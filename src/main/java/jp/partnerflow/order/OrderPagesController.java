package jp.partnerflow.order;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.ConflictException;

/**
 * The order page a partner opens from 「発注書を確認してください」: the order's terms, the basic info
 * and bank account when they are missing, and approval (or declining) after a final confirmation —
 * the same decision as on LINE. Another partner's order is a 403; every step is checked again here.
 */
@Controller
class OrderPagesController {
    private final PurchaseOrders orders;
    private final Partners partners;

    OrderPagesController(PurchaseOrders orders, Partners partners) {
        this.orders = orders;
        this.partners = partners;
    }

    /** 発注書: every order of the partner, newest first, with its state. */
    @GetMapping("/partner/orders")
    String orders(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        List<PurchaseOrder> mine = new ArrayList<>(orders.ofPartner(me.partnerId()));
        Collections.reverse(mine);
        model.addAttribute("orders", mine);
        return "partner/orders";
    }

    @GetMapping("/partner/orders/{id}")
    String order(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, Model model) {
        PurchaseOrder order = mine(me, id);
        model.addAttribute("order", order);
        model.addAttribute("ready", partners.get(me.partnerId()).readyToAcceptOrders());
        return "partner/order";
    }

    /** 最終確認: what approving (or declining) means, with the button that does it. */
    @GetMapping("/partner/orders/{id}/confirm-{decision:approve|decline}")
    String confirm(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, @PathVariable String decision,
            Model model) {
        PurchaseOrder order = mine(me, id);
        if (decision.equals("approve") && !partners.get(me.partnerId()).readyToAcceptOrders()) {
            return "redirect:/partner/profile?next=/partner/orders/" + id;
        }
        model.addAttribute("order", order);
        model.addAttribute("decision", decision);
        return "partner/order-confirm";
    }

    @PostMapping("/partner/orders/{id}/{decision:approve|decline}")
    String decide(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long id, @PathVariable String decision,
            Model model, HttpServletResponse response) {
        OrderReference order = mine(me, id).reference();
        Partner partner = partners.get(me.partnerId());
        boolean approving = decision.equals("approve");
        if (approving && !partner.readyToAcceptOrders()) {
            return "redirect:/partner/profile?next=/partner/orders/" + id;
        }
        try {
            if (approving) {
                orders.partnerApproves(order);
            } else {
                orders.partnerDeclines(order);
            }
        } catch (ConflictException notWaiting) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return message(model, "この発注書は操作できません", "発注書「" + order.title() + "」はすでに"
                    + orders.get(id).status().label() + "です。", id);
        }
        return approving
                ? message(model, "発注書を承認しました", "発注書「" + order.title() + "」（" + order.number() + "）を承認しました。", id)
                : message(model, "発注書を辞退しました", "発注書「" + order.title() + "」（" + order.number()
                        + "）を辞退しました。担当者からの連絡をお待ちください。", id);
    }

    private PurchaseOrder mine(PartnerPrincipal me, long id) {
        PurchaseOrder order = orders.get(id);
        me.mustOwn("order", id, order.partnerId());
        return order;
    }

    private static String message(Model model, String title, String message, long id) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("link", "/partner/orders/" + id);
        model.addAttribute("linkLabel", "発注書を見る");
        return "partner/message";
    }
}
