package jp.partnerflow.notification;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jp.partnerflow.partner.PartnerPrincipal;
import jp.partnerflow.partner.PartnerTodos;
import jp.partnerflow.partner.Partners;

/**
 * The partner's home page: first what waits for them (each feature's {@link PartnerTodos}, the
 * nearest deadline first), then their notices, newest first, each asking to act marked done once it
 * is (the in-app channel).
 */
@Controller
class NoticePagesController {
    private final NoticeRepository notices;
    private final Partners partners;
    private final List<PartnerTodos> todos;

    NoticePagesController(NoticeRepository notices, Partners partners, List<PartnerTodos> todos) {
        this.notices = notices;
        this.partners = partners;
        this.todos = todos;
    }

    /** A notice as the home page lists it: done when it asked to act and nothing of it is left to do. */
    record Listed(Notice notice, boolean done) {
    }

    @GetMapping("/partner")
    String home(@AuthenticationPrincipal PartnerPrincipal me, Model model) {
        List<PartnerTodos.Todo> open = todos.stream().flatMap(source -> source.of(me.partnerId()).stream())
                .sorted(Comparator.comparing(PartnerTodos.Todo::due, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())))
                .toList();
        Set<String> openPages = open.stream().map(PartnerTodos.Todo::link).collect(Collectors.toSet());
        model.addAttribute("partner", partners.get(me.partnerId()));
        model.addAttribute("todos", open);
        model.addAttribute("notices", notices.findByPartnerIdOrderByIdDesc(me.partnerId()).stream()
                .map(n -> new Listed(n, n.type().asksToAct() && n.linkUrl() != null && !openPages.contains(page(n.linkUrl()))))
                .toList());
        return "partner/home";
    }

    /** The page a notice links to, as the to-dos name pages (path and query). */
    private static String page(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
