package jp.partnerflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake LINE Messaging API for benchmarks: answers every push and reply as LINE does when it takes
 * one, and only counts it (and a push's retry key). WireMock, the fake of the other tests, matches and journals each
 * request; on the month-end fan-out it took a fifth of the JVM's samples, timed as if it were the
 * service's own work.
 */
public final class LineSink implements AutoCloseable {
    private static final byte[] ACCEPTED = "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong pushes = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final Set<String> retryKeys = ConcurrentHashMap.newKeySet();

    public LineSink() {
        // without it each answer waits for the client's delayed ACK (headers and body go out apart)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "line-sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/v2/bot/message/push", exchange -> accept(exchange, pushes));
        server.createContext("/v2/bot/message/reply", exchange -> accept(exchange, replies));
        server.start();
    }

    /** The Messaging API base URL to configure the service with. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Pushes received so far. */
    public long pushes() {
        return pushes.get();
    }

    /** Replies received so far. */
    public long replies() {
        return replies.get();
    }

    /** Distinct {@code X-Line-Retry-Key}s of the pushes received so far. */
    public int retryKeys() {
        return retryKeys.size();
    }

    public void reset() {
        pushes.set(0);
        replies.set(0);
        retryKeys.clear();
    }

    private void accept(HttpExchange exchange, AtomicLong received) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String retryKey = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
            if (retryKey != null) {
                retryKeys.add(retryKey);
            }
            received.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ACCEPTED.length);
            exchange.getResponseBody().write(ACCEPTED);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
