package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** Staff report a billing month's work through the REST API; bad input changes nothing. */
class WorkReportApiTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void staffReportAMonthsWorkAndThePartnerIsTold() {
        String user = Api.newLineUserId();
        long order = approvedHourlyOrder(user);

        Api.Response created = report(order, """
                {"billingMonth":"2026-12","entries":[
                  {"workDate":"2026-12-01","hours":7.5,"content":"要件定義"},
                  {"workDate":"2026-12-02","hours":8,"content":"設計"}]}""");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode reports = api.get("/api/orders/" + order + "/work-reports").json();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("createdBy").asText()).isEqualTo("STAFF");
        assertThat(reports.get(0).get("entries").findValuesAsText("content")).containsExactly("要件定義", "設計");
        assertThat(reports.get(0).get("entries").get(0).get("hours").decimalValue()).isEqualByComparingTo("7.5");
        await().atMost(PATIENCE).until(() -> pushesTo(user).stream()
                .anyMatch(p -> p.getBodyAsString().contains("業務報告が作成されました")));
    }

    @Test
    void badReportsAreRefusedNamingTheFieldAndNothingIsStored() {
        long order = approvedHourlyOrder(Api.newLineUserId());
        long notices = count("notice");

        assertInvalid(report(order, "{}"), "billingMonth", "entries");
        assertInvalid(report(order, entry("2026-13", "2026-12-01", "8", "作業")), "billingMonth");
        assertInvalid(report(order, entry("2027-05", "2027-05-01", "8", "作業")), "billingMonth");
        assertInvalid(report(order, entry("2026-12", "2027-01-05", "8", "作業")), "entries[0].workDate");
        assertInvalid(report(order, entry("2026-12", "2026-12-01", "25", "作業")), "entries[0].hours");
        assertInvalid(report(order, entry("2026-12", "2026-12-01", "-1", "作業")), "entries[0].hours");
        assertInvalid(report(order, entry("2026-12", "2026-12-01", "1.125", "作業")), "entries[0].hours");
        assertInvalid(report(order, entry("2026-12", "2026-12-01", "8", " ")), "entries[0].content");
        assertThat(report(999_999_999L, entry("2026-12", "2026-12-01", "8", "作業")).status()).isEqualTo(404);

        assertThat(api.get("/api/orders/" + order + "/work-reports").json()).isEmpty();
        assertThat(count("notice")).isEqualTo(notices);
    }

    @Test
    void aMonthHasOneReport() {
        long order = approvedHourlyOrder(Api.newLineUserId());
        assertThat(report(order, entry("2026-12", "2026-12-01", "8", "作業")).status()).isEqualTo(201);

        Api.Response second = report(order, entry("2026-12", "2026-12-02", "8", "作業"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).contains("application/problem+json");
        assertThat(api.get("/api/orders/" + order + "/work-reports").json().get(0).get("entries")).hasSize(1);
    }

    /** The month's report made at the same moment by several requests (or the fixed-fee timer): one wins, the rest are 409. */
    @Test
    void reportsSentAtTheSameMomentMakeOneAndTheOthersAre409NotA500() throws Exception {
        long order = approvedHourlyOrder(Api.newLineUserId());
        int senders = 12;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        try {
            List<java.util.concurrent.Future<Api.Response>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                sent.add(pool.submit(() -> {
                    ready.await();
                    return report(order, entry("2026-12", "2026-12-01", "8", "作業"));
                }));
            }
            ready.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : sent) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 201).containsOnly(409);
            assertThat(sent.get(statuses.indexOf(409)).get().json().get("detail").asText()).contains("exists already");
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/orders/" + order + "/work-reports").json()).hasSize(1);
    }

    @Test
    void thePartnerRegistersTheirWorkAndIsTold() {
        String user = Api.newLineUserId();
        long order = approvedHourlyOrder(user);
        Api partner = api.asPartner(partnerOf(order));

        Api.Response created = partner.post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"2026-12","entries":[
                  {"workDate":"2026-12-03","hours":6.25,"content":"障害調査"}]}""".formatted(order));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode mine = partner.get("/api/me/work-reports?orderId=" + order).json();
        assertThat(mine.get(0).get("createdBy").asText()).isEqualTo("PARTNER");
        assertThat(mine.get(0).get("entries").get(0).get("hours").decimalValue()).isEqualByComparingTo("6.25");
        await().atMost(PATIENCE).until(() -> pushesTo(user).stream()
                .anyMatch(p -> p.getBodyAsString().contains("業務報告が作成されました")));
    }

    @Test
    void aPartnerCannotTouchAnotherPartnersOrderAndStrangersAreNotLetIn() {
        long order = approvedHourlyOrder(Api.newLineUserId());
        Api other = api.asPartner(api.partner(api.company(true), Api.newLineUserId()));
        String body = """
                {"orderId":%d,"billingMonth":"2026-12","entries":[{"workDate":"2026-12-03","hours":1,"content":"x"}]}"""
                .formatted(order);

        Api.Response refused = other.post("/api/me/work-reports", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asText()).isEqualTo("order " + order + " belongs to another partner");
        assertThat(other.get("/api/me/work-reports?orderId=" + order).status()).isEqualTo(403);
        assertThat(api.anonymous().post("/api/me/work-reports", body).status()).isEqualTo(401);
        // staff credentials are not a partner's
        assertThat(api.post("/api/me/work-reports", body).status()).isEqualTo(401);
        assertThat(api.get("/api/orders/" + order + "/work-reports").json()).isEmpty();
    }

    private long partnerOf(long order) {
        return api.get("/api/orders/" + order).json().get("partnerId").asLong();
    }

    private long approvedHourlyOrder(String user) {
        long partner = api.partner(api.company(true), user);
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応","periodStart":"2026-12-01",
                 "periodEnd":"2027-01-31","fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partner)).id();
        approveOnLine(user, order);
        return order;
    }

    private Api.Response report(long order, String json) {
        return api.post("/api/orders/" + order + "/work-reports", json);
    }

    private static String entry(String month, String day, String hours, String content) {
        return """
                {"billingMonth":"%s","entries":[{"workDate":"%s","hours":%s,"content":"%s"}]}"""
                .formatted(month, day, hours, content);
    }
}
