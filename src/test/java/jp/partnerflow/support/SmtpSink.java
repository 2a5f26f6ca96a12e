package jp.partnerflow.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for benchmarks that accepts every mail and only counts it. The test mail server
 * (GreenMail) keeps a mailbox per address, found by a linear search, so with ten thousand partners
 * its own work would be timed as if it were the service's.
 */
public final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong messages = new AtomicLong();

    public SmtpSink() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Mails received so far. */
    public long messages() {
        return messages.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                switch (command) {
                    case "DATA" -> {
                        reply(out, "354 end with .");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the mail's text is not kept
                        }
                        messages.incrementAndGet();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
