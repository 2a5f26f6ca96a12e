package jp.partnerflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How many logins and registrations one client address may start per minute (the requests that send
 * a browser to LINE Login); more are answered 429 with a page that says to wait. Per node and in
 * memory: a cluster multiplies the limit by its nodes, which still stops a script hammering one.
 */
public class LoginRateLimit extends OncePerRequestFilter {
    private final int perMinute;
    /** Per address, its starts within the last minute. */
    private final AddressWindow starts = new AddressWindow();

    public LoginRateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean register = "POST".equals(request.getMethod()) && path.startsWith("/partner/register/");
        boolean login = "GET".equals(request.getMethod()) && path.equals("/partner/login/line");
        return !register && !login;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean allowed = starts.addBelow(request.getRemoteAddr(), perMinute, System.currentTimeMillis());
        if (!allowed) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write("""
                    <!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1"><title>しばらくお待ちください</title>
                    <link rel="stylesheet" href="/partner/assets/app.css"></head><body><main><h1>しばらくお待ちください</h1>
                    <section><p>ログインの操作が続いたため、一時的に受け付けを止めています。1分ほど待ってから、もう一度お試しください。</p>
                    </section></main></body></html>""".getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
