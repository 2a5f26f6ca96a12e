package jp.partnerflow.partner;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs a partner API request in by its {@code Authorization: Bearer} token; anything else stays anonymous. */
public class PartnerTokenFilter extends OncePerRequestFilter {
    private static final String BEARER = "Bearer ";

    private final PartnerAccessTokens tokens;

    public PartnerTokenFilter(PartnerAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER)) {
            tokens.authenticate(header.substring(BEARER.length()).strip()).ifPresent(partner -> {
                var authentication = new PreAuthenticatedAuthenticationToken(partner, null,
                        List.of(new SimpleGrantedAuthority("ROLE_PARTNER")));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            });
        }
        chain.doFilter(request, response);
    }
}
