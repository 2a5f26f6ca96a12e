package jp.partnerflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's HTTP API as a company system (or LINE) calls it. */
public class Api {
    public record Response(int status, String contentType, JsonNode json, String text) {
        public long id() {
            return json.get("id").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String user;
    private final String authorization;

    public Api(int port, String user, String password) {
        this("http://localhost:" + port, user, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Api(String base, String user, String authorization) {
        this.base = base;
        this.user = user;
        this.authorization = authorization;
    }

    /** The partner API as a client holding this bearer token calls it. */
    public static Api withBearer(int port, String token) {
        return new Api("http://localhost:" + port, null, "Bearer " + token);
    }

    /** The staff user this API signs in as (null for a partner or anonymous). */
    public String user() {
        return user;
    }

    public Api anonymous() {
        return new Api(base, null, null);
    }

    /** The partner API as this partner calls it, with a token staff issued (this API must be staff's). */
    public Api asPartner(long partnerId) {
        Response issued = post("/api/partners/" + partnerId + "/access-tokens", "");
        check(issued, 201);
        return new Api(base, null, "Bearer " + issued.json().get("token").asText());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request with extra headers (e.g. X-Forwarded-For). */
    public Response get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file upload as a browser sends it: multipart/form-data with one part named "file". */
    public Response upload(String path, String fileName, String contentType, byte[] content) {
        return upload(path, java.util.Map.of(), fileName, contentType, content);
    }

    /** A file upload with form fields before it (as Camunda Modeler deploys: deployment-name, deployment-source). */
    public Response upload(String path, java.util.Map<String, String> fields, String fileName, String contentType,
            byte[] content) {
        String boundary = "----partnerflow" + UUID.randomUUID();
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        byte[] head = (form + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A webhook call; signature null = no x-line-signature header. */
    public Response webhook(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/line/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("x-line-signature", signature);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Response(response.statusCode(), type, json, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- fixtures ---------------------------------------------------------------------------------

    public static String newLineUserId() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    public long company(boolean lineOption) {
        Response r = post("/api/companies", """
                {"name":"株式会社テスト","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":%s}"""
                .formatted(lineOption));
        check(r, 201);
        return r.id();
    }

    /** A partner linked to LINE with basic info and bank account complete. */
    public long partner(long companyId, String lineUserId) {
        Response r = post("/api/partners", """
                {"companyId":%d,"name":"山田 太郎","email":"%s@example.jp","kind":"INDIVIDUAL",
                 "registrationNumber":"T1234567890123","lineUserId":%s,
                 "basicInfo":{"postalCode":"100-0001","address":"東京都千代田区千代田1-1","phone":"090-1234-5678"},
                 "bankAccount":{"name":"みずほ銀行","branch":"東京営業部","accountType":"ORDINARY",
                                "accountNumber":"1234567","accountHolder":"ヤマダ タロウ"}}"""
                .formatted(companyId, UUID.randomUUID(), lineUserId == null ? "null" : "\"" + lineUserId + "\""));
        check(r, 201);
        return r.id();
    }

    /** A partner (linked to LINE, or not when null) who has not registered basic info or a bank account yet. */
    public long partnerWithoutProfile(long companyId, String lineUserId) {
        Response r = post("/api/partners", """
                {"companyId":%d,"name":"佐藤 花子","email":"%s@example.jp","kind":"INDIVIDUAL","lineUserId":%s}"""
                .formatted(companyId, UUID.randomUUID(), lineUserId == null ? "null" : "\"" + lineUserId + "\""));
        check(r, 201);
        return r.id();
    }

    public Response issueOrder(long partnerId) {
        return post("/api/orders", """
                {"partnerId":%d,"title":"Webサイト改修","workContent":"コーポレートサイトの改修",
                 "periodStart":"2026-12-01","periodEnd":"2027-03-31","fee":300000,"taxRate":"TEN_PERCENT"}"""
                .formatted(partnerId));
    }

    public long order(long partnerId) {
        Response r = issueOrder(partnerId);
        check(r, 201);
        return r.id();
    }

    private static void check(Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.text());
        }
    }
}
