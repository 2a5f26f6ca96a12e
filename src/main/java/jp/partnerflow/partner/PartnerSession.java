package jp.partnerflow.partner;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;


/** Signs a partner in to their pages (a new session id, so a session fixed before the login is worthless). */
public final class PartnerSession {
    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();
    private static final RequestCache SAVED = PartnerSecurity.PAGE_ASKED_FOR;

    private PartnerSession() {
    }

    /** @return the page the partner asked for before signing in, if any */
    public static String signIn(HttpServletRequest request, HttpServletResponse response, Partner partner) {
        actAs(request, response, partner.id());
        SavedRequest saved = SAVED.getRequest(request, response);
        SAVED.removeRequest(request, response);
        return saved == null ? null : saved.getRedirectUrl();
    }

    /**
     * The session acts as another partner from now on: the caller has made sure it is the same LINE
     * user at another company.
     */
    static void actAs(HttpServletRequest request, HttpServletResponse response, long partnerId) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(new PartnerPrincipal(partnerId), null,
                List.of(new SimpleGrantedAuthority("ROLE_PARTNER"))));
        SecurityContextHolder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
    }
}
