package jp.partnerflow.partner;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jp.partnerflow.platform.ForbiddenException;

/**
 * A LINE user who is a partner of several companies moves between them on their pages: a page lists
 * their companies and switches, and a notice's link to another of their companies' orders or
 * notices opens it there (the session switches to that company's partner). Nothing of a partner
 * who is not the same LINE user is ever shown.
 */
@Controller
class OwningCompanyPages {
    private final Partners partners;

    OwningCompanyPages(Partners partners) {
        this.partners = partners;
    }

    @GetMapping("/partner/companies")
    String companies(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        model.addAttribute("companies", partners.companiesOf(me.partnerId()));
        model.addAttribute("current", me.partnerId());
        return "partner/companies";
    }

    @PostMapping("/partner/companies/{partnerId}")
    String switchTo(@AuthenticationPrincipal PartnerPrincipal me, @PathVariable long partnerId,
            HttpServletRequest request, HttpServletResponse response) {
        if (!sameLineUser(me, partnerId)) {
            throw new ForbiddenException("partner " + partnerId + " is not the same LINE user");
        }
        PartnerSession.actAs(request, response, partnerId);
        return "redirect:/partner";
    }

    private boolean sameLineUser(PartnerPrincipal me, long partnerId) {
        return partners.companiesOf(me.partnerId()).stream().anyMatch(c -> c.partnerId() == partnerId);
    }

    /**
     * After the API's problem answers ({@code ApiProblems} comes first for REST controllers): a partner
     * page opened for a thing of the same LINE user's partner at another company switches to it.
     */
    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class SwitchToOwner {
        private final OwningCompanyPages pages;

        SwitchToOwner(OwningCompanyPages pages) {
            this.pages = pages;
        }

        @ExceptionHandler(PartnerPrincipal.NotYours.class)
        String open(PartnerPrincipal.NotYours notYours, @AuthenticationPrincipal PartnerPrincipal me,
                HttpServletRequest request, HttpServletResponse response) {
            boolean page = HttpMethod.GET.matches(request.getMethod()) && request.getRequestURI().startsWith("/partner/");
            if (me == null || !page || !pages.sameLineUser(me, notYours.ownerPartnerId())) {
                throw notYours;
            }
            PartnerSession.actAs(request, response, notYours.ownerPartnerId());
            String query = request.getQueryString();
            return "redirect:" + request.getRequestURI() + (query == null ? "" : "?" + query);
        }
    }

    /** The company a page is shown for, in every partner page's header, with a way to switch when there are several. */
    record PageCompany(String name, boolean several) {

        static PageCompany of(List<Partners.PartnerOfCompany> companies, long current) {
            String name = companies.stream().filter(c -> c.partnerId() == current).findFirst()
                    .map(Partners.PartnerOfCompany::companyName).orElse("");
            return new PageCompany(name, companies.size() > 1);
        }
    }
}
