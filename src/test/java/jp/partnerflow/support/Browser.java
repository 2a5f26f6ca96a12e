package jp.partnerflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A phone's browser at the HTTP level: keeps its cookies, follows no redirect on its own (tests look
 * at each), and sends forms with the CSRF token of the page they came from.
 */
public class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Page(int status, String location, String html, java.net.http.HttpHeaders headers) {
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;
    private String forwardedFor;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A browser at another address, as the reverse proxy in front of the service reports it. */
    public Browser from(String clientAddress) {
        this.forwardedFor = clientAddress;
        return this;
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** Submits a form of the last page shown, with its CSRF token; fields may repeat a name. */
    public Page post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form sent from elsewhere (another site's page): this browser's cookies, but no CSRF token. */
    public Page postWithoutToken(String path, Map<String, String> fields) {
        String saved = csrf;
        csrf = null;
        try {
            return post(path, fields);
        } finally {
            csrf = saved;
        }
    }

    public Page post(String path, Map<String, String> fields) {
        return post(path, List.copyOf(new LinkedHashMap<>(fields).entrySet()));
    }

    /** The query parameters of a URL (e.g. where a redirect to LINE points). */
    public static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            HttpResponse<String> response = http.send(request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Accept-Language", "ja").build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
