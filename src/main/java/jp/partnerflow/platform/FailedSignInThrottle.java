package jp.partnerflow.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guessing passwords is slowed down per client address, not per user: a client whose sign-ins
 * (HTTP Basic on the API, the webapps' login form) failed this often within a minute gets 429 until
 * the minute has passed, whatever it sends. The user it guessed at is never locked, so knowing a
 * user name ({@code admin}) does not let anyone stop that user's calls; Camunda's own per-user
 * lock-out is off (application.yml). Per node and in memory, like {@link LoginRateLimit}.
 */
public class FailedSignInThrottle extends OncePerRequestFilter {
    private final int perMinute;
    /** Per address, its failed sign-ins within the last minute. */
    private final AddressWindow failures = new AddressWindow();

    public FailedSignInThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        boolean webappLogin = "POST".equals(request.getMethod())
                && request.getRequestURI().startsWith("/camunda/api/admin/auth/user/");
        return !basic && !webappLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        long now = System.currentTimeMillis();
        if (failures.count(client, now) >= perMinute) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "60");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Too many failed sign-ins\",\"status\":429,"
                    + "\"detail\":\"Too many failed sign-ins from this address; try again in a minute.\"}");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.add(client, now);
        }
    }
}
