package jp.partnerflow.platform;

import static jp.partnerflow.platform.StaffGroups.ACCOUNTING;
import static jp.partnerflow.platform.StaffGroups.ACCOUNTING_MANAGER;
import static jp.partnerflow.platform.StaffGroups.ADMIN;
import static jp.partnerflow.platform.StaffGroups.DB_SETTINGS;
import static jp.partnerflow.platform.StaffGroups.ORDERING;
import static jp.partnerflow.platform.StaffGroups.SYSTEM_INTEGRATION;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which staff groups may call which endpoint of the staff API ({@code /api/**} but the partner's
 * {@code /api/me/**}) — the endpoint table in docs/api.md. {@code camunda-admin} may call every one. A
 * refusal is a 403 problem that names the groups the call needs.
 */
final class StaffApiAccess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StaffApiAccess() {
    }

    /** A call needs one of these sets of groups (each set: all of its groups). */
    record Needs(List<Set<String>> anyOf) implements AuthorizationManager<RequestAuthorizationContext> {
        static Needs oneOf(String... groups) {
            return new Needs(Arrays.stream(groups).map(Set::of).toList());
        }

        @Override
        @SuppressWarnings("deprecation")
        public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
            Set<String> groups = authentication.get().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).collect(Collectors.toSet());
            boolean granted = groups.contains(ADMIN) || anyOf.stream().anyMatch(groups::containsAll);
            return new Refusal(granted, this);
        }

        String describe() {
            return anyOf.stream().map(set -> String.join(" and ", set.stream().sorted().toList()))
                    .collect(Collectors.joining(", or ")) + (anyOf.isEmpty() ? ADMIN : ", or " + ADMIN);
        }
    }

    /** The decision, with what the call needed for the 403's text. */
    static final class Refusal extends AuthorizationDecision {
        private final Needs needs;

        Refusal(boolean granted, Needs needs) {
            super(granted);
            this.needs = needs;
        }
    }

    private static final Needs OPERATOR = new Needs(List.of());
    private static final Needs ORDERS = Needs.oneOf(ORDERING);
    private static final Needs ORDERS_READ = Needs.oneOf(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER);
    private static final Needs ACCOUNTS = Needs.oneOf(ACCOUNTING, ACCOUNTING_MANAGER);
    private static final Set<String> MEISAI_SETTINGS = Set.of(DB_SETTINGS, SYSTEM_INTEGRATION);
    private static final Needs MEISAI_CONFIGURE = new Needs(List.of(MEISAI_SETTINGS));
    private static final Needs MEISAI_USE = new Needs(List.of(Set.of(ACCOUNTING), Set.of(ACCOUNTING_MANAGER), MEISAI_SETTINGS));
    private static final Needs ANY_STAFF_GROUP = new Needs(List.of(Set.of(ORDERING), Set.of(ACCOUNTING),
            Set.of(ACCOUNTING_MANAGER), MEISAI_SETTINGS));

    /** The table: method, path, who. Anything under /api not named here is refused. */
    static void rules(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
        api.requestMatchers(POST, "/api/companies").access(OPERATOR)
                .requestMatchers(GET, "/api/companies/*").access(ANY_STAFF_GROUP)

                .requestMatchers(POST, "/api/partners", "/api/partners/*/access-tokens").access(ORDERS)
                .requestMatchers(PUT, "/api/partners/*/basic-info", "/api/partners/*/bank-account").access(ORDERS)
                .requestMatchers(DELETE, "/api/partners/*/access-tokens/*").access(ORDERS)
                .requestMatchers(GET, "/api/partners/*/access-tokens").access(ORDERS)
                .requestMatchers(GET, "/api/partners", "/api/partners/*", "/api/partners/*/notices").access(ORDERS_READ)

                .requestMatchers(POST, "/api/orders", "/api/orders/*/work-reports").access(ORDERS)
                .requestMatchers(GET, "/api/orders", "/api/orders/*", "/api/orders/*/work-reports").access(ORDERS_READ)

                .requestMatchers(GET, "/api/invoices/*", "/api/invoices/*/attachment").access(ACCOUNTS)
                // opened from 「請求書を確認する」 in Tasklist (signed in there)
                .requestMatchers(GET, "/staff/invoices/*/report").access(ACCOUNTS)
                .requestMatchers(GET, "/staff/orders/*/history", "/staff/history").access(ORDERS_READ)
                .requestMatchers(GET, "/api/payment-notices", "/api/payment-notices/*").access(ACCOUNTS)
                .requestMatchers(POST, "/api/payment-notices/*/corrections").access(ACCOUNTS)

                .requestMatchers(POST, "/api/meisai/connections", "/api/meisai/record-lists").access(MEISAI_CONFIGURE)
                .requestMatchers(PUT, "/api/meisai/connections/*", "/api/meisai/connections/*/timer").access(MEISAI_CONFIGURE)
                .requestMatchers(POST, "/api/meisai/connections/*/runs").access(MEISAI_USE)
                .requestMatchers(GET, "/api/meisai/**").access(MEISAI_USE)

                .requestMatchers("/api/**").access(OPERATOR);
    }

    /** 403 as problem+json, naming the groups the call needs. */
    static AccessDeniedHandler refusal() {
        return (HttpServletRequest request, HttpServletResponse response, org.springframework.security.access.AccessDeniedException denied) -> {
            String needs = denied instanceof AuthorizationDeniedException refused && refused.getAuthorizationResult() instanceof Refusal r
                    ? r.needs.describe() : ADMIN;
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", "Forbidden", "status", 403,
                    "detail", request.getMethod() + " " + request.getRequestURI() + " needs the group " + needs));
        };
    }
}
