package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.RawHttp;

/** Requests a hostile or broken client sends: too large, too slow, sessions for nothing. */
class RequestHardeningTest extends FeatureTest {

    @Test
    void aWebhookBodyOverOneMegabyteIsRefusedBeforeItIsRead() {
        long events = count("line_webhook_event");
        // 500 MB announced, not a byte sent: answered at once
        try (Socket huge = RawHttp.stalled(port, "127.0.0.1", "/line/webhook", 500L * 1024 * 1024, "")) {
            assertThat(RawHttp.status(huge)).isEqualTo(413);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // a body just over the limit, signed as LINE would sign it
        String body = "{\"destination\":\"x\",\"events\":[],\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(413);
        assertThat(count("line_webhook_event")).isEqualTo(events);
        // the same limit for a staff API body
        assertThat(api.post("/api/companies", "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").status()).isEqualTo(413);
    }

    @Test
    void healthAndTheApiAnswerWhileHundredsOfConnectionsTrickleBodies() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                slow.add(RawHttp.stalled(port, "127.0.0.5", "/line/webhook", 10_000, "{\"destination\":"));
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            Api.Response company = api.post("/api/companies", """
                    {"name":"遅い回線の中の会社","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":false}""");
            assertThat(company.status()).isEqualTo(201);
            // all but the few the address may send at once were turned away
            long refused = slow.stream().mapToInt(socket -> RawHttp.status(socket, 200)).filter(s -> s == 429).count();
            assertThat(refused).isGreaterThanOrEqualTo(300 - 64 - 30);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** LINE's servers send bursts from a few addresses: quick bodies are counted only while they arrive. */
    @Test
    void aBurstOfQuickWebhookCallsFromOneAddressIsAllTaken() throws Exception {
        String body = "{\"destination\":\"x\",\"events\":[]}";
        String signature = sign(body, CHANNEL_SECRET);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(48);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                calls.add(pool.submit(() -> api.webhook(body, signature).status()));
            }
            for (var call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ordersAreBoundedAndTextIsText() {
        long partner = api.partner(api.company(true), Api.newLineUserId());
        long orders = count("purchase_order");
        long months = count("billing_month");

        // a period to 2999 would open 11,682 billing months; a fee of 2^63-1 overflows every sum
        assertInvalid(api.post("/api/orders", order(partner, "Webサイト保守", "2026-12-01", "2999-12-31", "300000")), "periodEnd");
        assertInvalid(api.post("/api/orders", order(partner, "Webサイト保守", "2026-12-01", "2031-12-01", "300000")), "periodEnd");
        assertInvalid(api.post("/api/orders", order(partner, "Webサイト保守", "2026-12-01", "2027-03-31",
                String.valueOf(Long.MAX_VALUE))), "fee");
        assertInvalid(api.post("/api/orders", order(partner, "Webサイト保守", "2026-12-01", "2027-03-31", "100000001")), "fee");
        // NUL and a lone surrogate, as JSON escapes
        assertInvalid(api.post("/api/orders", order(partner, "保守\\u0000", "2026-12-01", "2027-03-31", "300000")), "title");
        assertInvalid(api.post("/api/partners", """
                {"companyId":1,"name":"山田\\ud800","email":"nul@example.jp","kind":"INDIVIDUAL"}"""), "name");
        assertThat(count("purchase_order")).isEqualTo(orders);
        assertThat(count("billing_month")).isEqualTo(months);
        // the longest period there is: five years
        assertThat(api.post("/api/orders", order(partner, "Webサイト保守", "2026-12-01", "2031-11-30", "100000000")).status())
                .isEqualTo(201);

        // query and form parameters
        Api.Response query = api.get("/api/partners?companyId=1&name=%00");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(api.anonymous().get("/partner/login?next=%00").status()).isEqualTo(400);
    }

    @Test
    void aTasklistFormFieldWithNulIsRefusedNot500() {
        InvoiceInReview review = invoiceInReview(api.company(true), 300_000);

        Api.Response refused = api.post("/engine-rest/task/" + review.task() + "/submit-form", """
                {"variables":{"review":{"value":"RETURN","type":"String"},"returnReason":{"value":"理由\\u0000","type":"String"}}}""");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("returnReason");
        assertThat(api.get("/api/invoices/" + review.invoice()).json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    private static String order(long partner, String title, String start, String end, String fee) {
        return """
                {"partnerId":%d,"title":"%s","workContent":"保守","periodStart":"%s","periodEnd":"%s","fee":%s,
                 "taxRate":"TEN_PERCENT"}""".formatted(partner, title, start, end, fee);
    }

    @Test
    void anonymousVisitsToThePartnerPagesMakeNoSessions() throws Exception {
        long partner = api.partnerWithoutProfile(api.company(true), null);
        HttpClient client = HttpClient.newHttpClient(); // no cookies kept: every request a new visitor
        int sessions = 0;
        for (String path : List.of("/partner", "/partner/orders/1", "/partner/invoices/1", "/partner/settings",
                "/partner/login", "/partner/register/" + partner, "/partner/payment-notices/1", "/partner/basic-info")) {
            for (int i = 0; i < 25; i++) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isIn(200, 302);
                assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
            }
        }
        assertThat(sessions).isZero();
    }

    @Test
    void partnerPagesSendAContentSecurityPolicy() {
        HttpResponse<String> page = get("/partner/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'"));
    }

    private HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
