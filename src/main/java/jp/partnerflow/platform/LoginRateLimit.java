package jp.partnerflow.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private static final long MINUTE = 60_000;

    private final int perMinute;
    /** Per address, the times of its starts within the last minute (a sliding window). */
    private final Map<String, Deque<Long>> starts = new ConcurrentHashMap<>();

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
        long now = System.currentTimeMillis();
        if (starts.size() > 100_000) {
            starts.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.peekLast() < now - MINUTE;
                }
            });
        }
        Deque<Long> times = starts.computeIfAbsent(request.getRemoteAddr(), address -> new ArrayDeque<>());
        boolean allowed;
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - MINUTE) {
                times.pollFirst();
            }
            allowed = times.size() < perMinute;
            if (allowed) {
                times.addLast(now);
            }
        }
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
