package jp.partnerflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** The REST API as company systems use it: authentication, validation, problem+json. */
class PurchaseOrderApiTest extends FeatureTest {

    @Test
    void issuingAnOrderStartsItsProcessAndReturnsItsId() {
        long partner = api.partner(api.company(true), Api.newLineUserId());
        Api.Response created = api.issueOrder(partner);

        assertThat(created.status()).isEqualTo(201);
        JsonNode order = api.get("/api/orders/" + created.id()).json();
        assertThat(order.get("status").asText()).isEqualTo("ISSUED");
        assertThat(order.get("number").asText()).matches("PO-\\d{6}-\\d{5}");
        assertThat(order.get("processInstanceId").asText()).isNotBlank();
        assertThat(order.get("paymentTerms").get("day").asInt()).isEqualTo(31);
        assertThat(order.get("feeType").asText()).isEqualTo("MONTHLY");
    }

    @Test
    void anHourlyOrderSaysSoToThePartner() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);

        Api.Response created = order(partner, "\"feeType\":\"HOURLY\"");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api.get("/api/orders/" + created.id()).json().get("feeType").asText()).isEqualTo("HOURLY");
        await().atMost(Duration.ofSeconds(20)).until(() -> pushesTo(user).size() == 1);
        assertThat(pushesTo(user).get(0).getBodyAsString()).contains("報酬 時給100,000円（税抜）");
    }

    /**
     * On LINE the order is a Flex bubble: a long title arrives whole in it, with the period and the fee;
     * the alt text (the chat list's line) keeps LINE's 400 characters.
     */
    @Test
    void aLongTitleArrivesWholeWithThePeriodAndTheAltTextKeepsItsLimit() throws Exception {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        String title = "コーポレートサイト全面リニューアルに伴う情報設計・デザイン・実装・運用保守の一括業務委託".repeat(3);

        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"%s","workContent":"内容","periodStart":"2026-12-01","periodEnd":"2027-03-31",
                 "fee":300000,"taxRate":"TEN_PERCENT"}""".formatted(partner, title)).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> pushesTo(user).size() == 1);
        String text = pushTextsTo(user).get(0);
        assertThat(text).contains("2026年12月1日〜2027年3月31日", "月額300,000円（税抜）",
                api.get("/api/orders/" + order).json().get("number").asText(), "\"text\":\"" + title + "\"");
        String altText = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).get("messages").get(0)
                .get("altText").asText();
        assertThat(altText).startsWith("【株式会社テスト】発注書を確認してください：コーポレートサイト全面").hasSizeLessThanOrEqualTo(400);
        // the partner's in-app notice keeps the whole title
        assertThat(api.get("/api/partners/" + partner + "/notices").json().get(0).get("body").asText()).contains(title);
    }

    @Test
    void anonymousCallersAreTurnedAway() {
        assertThat(api.anonymous().get("/api/orders/1").status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/companies", "{}").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/engine-rest/process-definition").status()).isEqualTo(401);
        // (a wrong password for a real user would lock it for a few seconds: Camunda delays repeated logins)
        assertThat(new Api(port, "nobody", "wrong-password").get("/api/orders/1").status()).isEqualTo(401);
    }

    @Test
    void invalidOrdersAreRefusedNamingTheFieldAndNothingIsStored() {
        long partner = api.partner(api.company(true), Api.newLineUserId());
        long before = count("purchase_order");
        long noticesBefore = count("notice");

        assertInvalid(api.post("/api/orders", "{}"), "partnerId", "title", "workContent", "fee", "taxRate");
        assertInvalid(order(partner, "\"fee\":-5"), "fee");
        assertInvalid(order(partner, "\"taxRate\":\"TWELVE\""), "taxRate");
        assertInvalid(order(partner, "\"feeType\":\"DAILY\""), "feeType");
        assertInvalid(order(partner, "\"periodStart\":\"2026-13-01\""), "periodStart");
        assertInvalid(order(partner, "\"periodEnd\":\"2026-11-30\""), "periodEnd");
        assertInvalid(order(999_999_999L, null), "partnerId");
        assertInvalid(order(partner, "\"paymentTerms\":{\"monthOffset\":1,\"day\":30}"), "paymentTerms.day");

        assertThat(count("purchase_order")).isEqualTo(before);
        assertThat(count("notice")).isEqualTo(noticesBefore);
    }

    @Test
    void invalidPartnersAndCompaniesAreRefusedNamingTheField() {
        long company = api.company(true);
        long before = count("partner");

        assertInvalid(api.post("/api/partners", """
                {"companyId":%d,"name":"","email":"not-an-email","kind":"INDIVIDUAL","registrationNumber":"T123"}"""
                .formatted(company)), "name", "email", "registrationNumber");
        assertInvalid(api.post("/api/partners", """
                {"companyId":%d,"name":"A","email":"a@example.jp","kind":"INDIVIDUAL","lineUserId":"someone",
                 "bankAccount":{"name":"B","branch":"C","accountType":"ORDINARY","accountNumber":"12","accountHolder":"D"}}"""
                .formatted(company)), "bankAccount.accountNumber", "lineUserId");
        assertInvalid(api.post("/api/partners", """
                {"companyId":999999999,"name":"A","email":"a@example.jp","kind":"INDIVIDUAL"}"""), "companyId");
        assertThat(count("partner")).isEqualTo(before);

        assertInvalid(api.post("/api/companies", """
                {"name":"X","closingDay":29,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":true}"""), "closingDay");
    }

    @Test
    void unknownIdsAreNotFoundAsProblemJson() {
        Api.Response missing = api.get("/api/orders/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(missing.json().get("detail").asText()).isEqualTo("purchase order 999999999 not found");
    }

    @Test
    void healthShowsTheEngineAndTheDatabaseAndTheApiIsDocumented() {
        JsonNode health = api.anonymous().get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");

        JsonNode openApi = api.anonymous().get("/v3/api-docs").json();
        assertThat(openApi.get("paths").has("/api/orders")).isTrue();
        assertThat(openApi.get("paths").has("/api/partners")).isTrue();
    }

    private Api.Response order(long partner, String override) {
        String body = """
                {"partnerId":%d,"title":"件名","workContent":"内容","periodStart":"2026-12-01","periodEnd":"2027-03-31",
                 "fee":100000,"taxRate":"TEN_PERCENT"}""".formatted(partner);
        if (override != null) {
            String key = override.substring(0, override.indexOf(':'));
            body = body.replaceAll(key + ":(\"[^\"]*\"|\\d+)", java.util.regex.Matcher.quoteReplacement(override));
            if (!body.contains(override)) {
                body = body.substring(0, body.length() - 1) + "," + override + "}";
            }
        }
        return api.post("/api/orders", body);
    }
}
