package jp.partnerflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda's webapps (Tasklist, Cockpit, Admin) as the browser calls them: a session from the
 * webapp login, the webapp's CSRF token on every change, the engine through {@code /camunda/api/engine}.
 */
public class Webapp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public Webapp(int port) {
        this.base = "http://localhost:" + port + "/camunda";
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs in to one app ({@code tasklist}, {@code cockpit}, {@code admin}); the status the login answered. */
    public int login(String app, String user, String password) {
        get("/app/" + app + "/default/"); // the XSRF-TOKEN cookie
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(withToken(HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).status();
    }

    /** The engine's REST API as the webapps reach it ({@code /camunda/api/engine/engine/default} + path). */
    public Api.Response engine(String path) {
        return get("/api/engine/engine/default" + path);
    }

    public Api.Response enginePost(String path, String json) {
        return send(withToken(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A page of the service outside the webapps (e.g. {@code /staff/...}), with this browser's cookies. */
    public Api.Response site(String path) {
        return send(HttpRequest.newBuilder(URI.create(base.substring(0, base.length() - "/camunda".length()) + path)).GET());
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().map(token -> request.header("X-XSRF-TOKEN", token)).orElse(request);
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Api.Response(response.statusCode(), type, json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
