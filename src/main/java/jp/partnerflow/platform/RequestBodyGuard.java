package jp.partnerflow.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body may cost the service, checked before anything reads one.
 * <ul>
 * <li>Size: a body (other than a multipart upload, which has its own ceiling) over the limit is
 * refused with 413 — by its Content-Length before a byte is read; a chunked one once the limit is
 * passed. LINE's webhook calls and every form and JSON body here are far smaller.</li>
 * <li>Slow senders: reading a body holds one of the server's threads, so one client address may be
 * sending only so many bodies at once (a body counts until it has arrived, so quick senders such as
 * LINE's webhook calls hardly count); more are answered 429 at once and the connection is closed.
 * A client trickling bodies over hundreds of connections holds a handful of threads, not all of
 * them, and health and the API keep answering. (Many addresses at once are for the reverse proxy:
 * it buffers bodies and times slow ones out, see docs/security.md.)</li>
 * </ul>
 */
public class RequestBodyGuard extends OncePerRequestFilter {
    private final long maxBytes;
    private final int bodiesPerClient;
    private final Map<String, AtomicInteger> sending = new ConcurrentHashMap<>();

    public RequestBodyGuard(long maxBytes, int bodiesPerClient) {
        this.maxBytes = maxBytes;
        this.bodiesPerClient = bodiesPerClient;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0 || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = request.getContentType() != null && request.getContentType().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!upload && request.getContentLengthLong() > maxBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        Sender sender = new Sender(request.getRemoteAddr());
        if (sender.bodies.incrementAndGet() > bodiesPerClient) {
            sender.done();
            refuse(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this address at once; try again shortly.");
            return;
        }
        try {
            HttpServletRequest checked = request;
            boolean form = request.getContentType() != null
                    && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE); // Tomcat's own limit
            if (!upload && !form && request.getContentLengthLong() < 0) {
                byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
                sender.done();
                if (body.length > maxBytes) {
                    refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
                    return;
                }
                checked = new BufferedBody(request, body);
            } else if (!upload && !form) {
                checked = new ArrivingBody(request, sender);
            }
            chain.doFilter(checked, response);
        } finally {
            sender.done();
        }
    }

    /**
     * One client's body on its way: counted from the request's start until the body has arrived
     * (or the request ends), so a quick sender is counted for an instant and a trickling one throughout.
     */
    private final class Sender {
        private final String client;
        private final AtomicInteger bodies;
        private final AtomicBoolean arrived = new AtomicBoolean();

        Sender(String client) {
            this.client = client;
            this.bodies = sending.computeIfAbsent(client, address -> new AtomicInteger());
        }

        void done() {
            if (arrived.compareAndSet(false, true) && bodies.decrementAndGet() <= 0) {
                sending.remove(client, bodies);
            }
        }
    }

    /** A body of known length read by the handler: its sender stops counting once the last byte is read. */
    private static final class ArrivingBody extends HttpServletRequestWrapper {
        private final Sender sender;
        private ServletInputStream counted;

        ArrivingBody(HttpServletRequest request, Sender sender) {
            super(request);
            this.sender = sender;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                long length = getContentLengthLong();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        arrived(b < 0 ? -1 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int count) throws IOException {
                        int n = in.read(buffer, offset, count);
                        arrived(n);
                        return n;
                    }

                    private void arrived(int n) {
                        read += Math.max(n, 0);
                        if (n < 0 || read >= length) {
                            sender.done();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }

    /** Answered at once; the connection is closed rather than the rest of the body read. */
    private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }

    /** A chunked body, read ahead (it is within the limit). */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
