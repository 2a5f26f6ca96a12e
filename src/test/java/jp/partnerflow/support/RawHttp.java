package jp.partnerflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a socket of its own, from a chosen loopback address (127.0.0.2, …) so a
 * test can play several clients on one machine; answers the status code.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * A connection from {@code from} that has sent a request's head and the first bytes of its body, and
     * then stalls: the body trickles, as a slow (or hostile) client sends it. Closing it ends the request.
     */
    public static Socket stalled(int port, String from, String path, long contentLength, String firstBytes) {
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n" + firstBytes).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status code the server sent on a connection (waits up to 30 s for it). */
    public static int status(Socket socket) {
        return status(socket, 30_000);
    }

    /** The status code the server sent on a connection, or -1 if it sent none within the time. */
    public static int status(Socket socket, int millis) {
        try {
            socket.setSoTimeout(millis);
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (java.net.SocketTimeoutException e) {
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int request(int port, String from, String method, String path, String body, String... headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + content.length + "\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
