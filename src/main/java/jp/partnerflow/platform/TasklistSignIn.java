package jp.partnerflow.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff pages ({@code /staff/**}, opened from Tasklist forms) know the staff member by their
 * Tasklist sign-in: the Camunda webapp session of the same browser, with the user's groups as
 * {@code GROUP_<id>} authorities, exactly as the API's Basic sign-in gives them (so the same
 * endpoint table and company checks apply). Nothing is stored: the webapp owns the session.
 */
final class TasklistSignIn extends OncePerRequestFilter {
    private final String engineName;

    TasklistSignIn(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (signedIn != null && signedIn.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
                && user.isAuthorizedForApp("tasklist")) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
                    user.getGroupIds().stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList()));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
