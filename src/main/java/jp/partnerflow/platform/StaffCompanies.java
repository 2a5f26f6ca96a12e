package jp.partnerflow.platform;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which companies a staff user of the API works for: the companies of their Camunda tenants (the
 * same membership the engine uses for Tasklist and Cockpit); {@code camunda-admin} works for all.
 * Another company's things do not exist for them: a path naming one is 404, a request body naming
 * one is the 400 a company or partner that does not exist gets, a list holds none of its rows.
 * Outside a staff API call (a job, a partner's page) nothing is restricted here.
 */
@Component
public class StaffCompanies {
    private static final String CACHED = StaffCompanies.class.getName();

    private final IdentityService identity;

    StaffCompanies(IdentityService identity) {
        this.identity = identity;
    }

    /** 404 ({@code what id} not found) unless the caller works for the company. */
    public void check(long companyId, String what, Object id) {
        if (!mayAccess(companyId)) {
            throw new NotFoundException(what, id);
        }
    }

    /** 400 naming the field, as for a thing that does not exist, unless the caller works for the company. */
    public void checkField(long companyId, String field, String reason) {
        if (!mayAccess(companyId)) {
            throw new InvalidFieldException(field, reason);
        }
    }

    public boolean mayAccess(long companyId) {
        return companies().map(companies -> companies.contains(companyId)).orElse(true);
    }

    /** The caller's companies; empty when they are not restricted. */
    private Optional<Set<Long>> companies() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!(caller instanceof UsernamePasswordAuthenticationToken) || caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("GROUP_" + StaffGroups.ADMIN))) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        @SuppressWarnings("unchecked")
        Set<Long> cached = request == null ? null : (Set<Long>) request.getAttribute(CACHED, RequestAttributes.SCOPE_REQUEST);
        if (cached == null) {
            cached = identity.createTenantQuery().userMember(caller.getName()).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).map(CompanyTenants::companyOf).flatMap(Optional::stream).collect(Collectors.toSet());
            if (request != null) {
                request.setAttribute(CACHED, cached, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return Optional.of(cached);
    }
}
