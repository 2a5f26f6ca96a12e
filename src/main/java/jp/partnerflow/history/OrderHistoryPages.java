package jp.partnerflow.history;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.partnerflow.platform.StaffCompanies;

/**
 * The staff's history pages, opened from Tasklist (signed in there): an order's story, and a search
 * by any document number. A member of another company finds nothing (404), as in the API.
 */
@Controller
class OrderHistoryPages {
    private final OrderHistory history;
    private final StaffCompanies staff;

    OrderHistoryPages(OrderHistory history, StaffCompanies staff) {
        this.history = history;
        this.staff = staff;
    }

    @GetMapping("/staff/orders/{id}/history")
    String order(@PathVariable long id, Model model) {
        staff.check(history.companyOf(id), "order", id);
        model.addAttribute("story", history.of(id));
        return "staff/order-history";
    }

    /** 発注書・請求書・支払通知書の番号で探す. */
    @GetMapping("/staff/history")
    String find(@RequestParam(required = false) String number, Model model, HttpServletResponse response) {
        if (number == null || number.isBlank()) {
            return "staff/history-search";
        }
        var order = history.orderOfNumber(number).filter(id -> staff.mayAccess(history.companyOf(id)));
        if (order.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("number", number);
            model.addAttribute("notFound", true);
            return "staff/history-search";
        }
        return "redirect:/staff/orders/" + order.get() + "/history";
    }
}
