package jp.partnerflow.platform;

import static jp.partnerflow.platform.StaffGroups.ACCOUNTING;
import static jp.partnerflow.platform.StaffGroups.ACCOUNTING_MANAGER;
import static jp.partnerflow.platform.StaffGroups.DB_SETTINGS;
import static jp.partnerflow.platform.StaffGroups.ORDERING;
import static jp.partnerflow.platform.StaffGroups.PROCESS_OWNERS;
import static jp.partnerflow.platform.StaffGroups.SYSTEM_INTEGRATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * Every staff API endpoint as each role calls it: the groups the endpoint table in docs/api.md names get
 * through, every other signed-in user gets a 403 problem naming the groups needed, and nothing changes.
 */
class StaffApiAccessTest extends FeatureTest {

    /** One call of the staff API: method, path, body (null for GET / DELETE). */
    record Call(String method, String path, String body) {
        Api.Response by(Api caller) {
            return switch (method) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.post(path, body);
                case "PUT" -> caller.put(path, body);
                case "DELETE" -> caller.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Test
    void eachEndpointAnswersItsGroupsOnlyAndRefusesEveryoneElseWith403() {
        long company = api.company(true);
        PaymentNoticeSent sent = paymentNoticeSent(company);
        long partner = sent.partnerId();
        long connection = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"承認時CSV","url":"https://rb101.eco-serv.jp/acme/","apiToken":"tok-access-test",
                 "dataKind":"DOCUMENT_CSV","reportMail":"OFF","reportTypeId":1,"importMethod":"NEW","issueOnApproval":false}"""
                .formatted(company)).id();
        String newCompany = """
                {"name":"別会社","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":false}""";
        String newPartner = """
                {"companyId":%d,"name":"権限 太郎","email":"kengen@example.jp","kind":"INDIVIDUAL"}""".formatted(company);
        String newOrder = """
                {"partnerId":%d,"title":"権限確認","workContent":"確認","periodStart":"2027-01-01","periodEnd":"2027-01-31",
                 "fee":100000,"taxRate":"TEN_PERCENT"}""".formatted(partner);
        String basicInfo = """
                {"postalCode":"100-0001","address":"東京都千代田区千代田1-1","phone":"090-1234-5678"}""";
        String workReport = """
                {"billingMonth":"2026-12","entries":[{"workDate":"2026-12-01","hours":8,"content":"作業"}]}""";

        // who may call what (camunda-admin may call everything: the rest of the suite runs as admin)
        Map<Call, List<String>> table = new java.util.LinkedHashMap<>();
        table.put(new Call("POST", "/api/companies", newCompany), List.of());
        table.put(new Call("GET", "/api/companies/" + company, null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER, DB_SETTINGS + "+" + SYSTEM_INTEGRATION));
        table.put(new Call("POST", "/api/partners", newPartner), List.of(ORDERING));
        table.put(new Call("GET", "/api/partners/" + partner, null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/partners?companyId=" + company, null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/partners/" + partner + "/notices", null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("PUT", "/api/partners/" + partner + "/basic-info", basicInfo), List.of(ORDERING));
        table.put(new Call("POST", "/api/partners/" + partner + "/access-tokens", ""), List.of(ORDERING));
        table.put(new Call("GET", "/api/partners/" + partner + "/access-tokens", null), List.of(ORDERING));
        table.put(new Call("POST", "/api/orders", newOrder), List.of(ORDERING));
        table.put(new Call("GET", "/api/orders/" + sent.order(), null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/orders?partnerId=" + partner, null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/orders/" + sent.order() + "/work-reports", null), List.of(ORDERING, ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("POST", "/api/orders/" + sent.order() + "/work-reports", workReport), List.of(ORDERING));
        table.put(new Call("GET", "/api/invoices/" + sent.invoice(), null), List.of(ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/payment-notices/" + sent.notice(), null), List.of(ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/payment-notices?invoiceId=" + sent.invoice(), null), List.of(ACCOUNTING, ACCOUNTING_MANAGER));
        table.put(new Call("GET", "/api/meisai/connections/" + connection, null), List.of(ACCOUNTING, ACCOUNTING_MANAGER, DB_SETTINGS + "+" + SYSTEM_INTEGRATION));
        table.put(new Call("GET", "/api/meisai/connections?companyId=" + company, null), List.of(ACCOUNTING, ACCOUNTING_MANAGER, DB_SETTINGS + "+" + SYSTEM_INTEGRATION));
        table.put(new Call("GET", "/api/meisai/issues?paymentNoticeId=" + sent.notice(), null), List.of(ACCOUNTING, ACCOUNTING_MANAGER, DB_SETTINGS + "+" + SYSTEM_INTEGRATION));
        table.put(new Call("POST", "/api/meisai/record-lists", """
                {"companyId":%d,"name":"今月承認","approvedIn":"THIS_MONTH"}""".formatted(company)), List.of(DB_SETTINGS + "+" + SYSTEM_INTEGRATION));

        List<String> roles = List.of("", ORDERING, ACCOUNTING, ACCOUNTING_MANAGER, DB_SETTINGS, SYSTEM_INTEGRATION,
                DB_SETTINGS + "+" + SYSTEM_INTEGRATION, PROCESS_OWNERS);
        Map<String, Api> users = new java.util.HashMap<>();
        roles.forEach(role -> users.put(role, role.isEmpty() ? staffOf(company) : staffOf(company, role.split("\\+"))));

        long companies = count("company");
        long partners = count("partner");
        long orders = count("purchase_order");
        long recordLists = count("meisai_record_list");
        table.forEach((call, allowed) -> roles.forEach(role -> {
            Api.Response answer = call.by(users.get(role));
            if (allowed.contains(role)) {
                assertThat(answer.status()).as(call + " as " + role + ": " + answer.text()).isBetween(200, 299);
            } else {
                assertThat(answer.status()).as(call + " as '" + role + "'").isEqualTo(403);
                assertThat(answer.contentType()).contains("application/problem+json");
                assertThat(answer.json().get("detail").asText()).as(call.toString()).contains("needs the group", "camunda-admin");
            }
        }));
        // what the allowed roles made, and nothing more
        assertThat(count("company")).isEqualTo(companies);
        assertThat(count("partner")).isEqualTo(partners + 1);
        assertThat(count("purchase_order")).isEqualTo(orders + 1);
        assertThat(count("meisai_record_list")).isEqualTo(recordLists + 1);
        // the partner API is the partner's, not staff's
        assertThat(users.get(ORDERING).get("/api/me/invoices/" + sent.invoice()).status()).isEqualTo(401);
    }

    @Test
    void aRefusalNamesTheGroupsTheCallNeeds() {
        Api.Response refused = staffOf(api.company(true), DB_SETTINGS).post("/api/meisai/connections", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText())
                .isEqualTo("POST /api/meisai/connections needs the group dbSettings and systemIntegration, or camunda-admin");
    }

    @Test
    void partnerTokensAreMintedByOrderingExpireAndCanBeRevoked() {
        long company = api.company(true);
        long partner = api.partner(company, Api.newLineUserId());
        Api ordering = staffOf(company, ORDERING);

        Api.Response issued = ordering.post("/api/partners/" + partner + "/access-tokens", "");
        assertThat(issued.status()).isEqualTo(201);
        java.time.Instant expires = java.time.Instant.parse(issued.json().get("expiresAt").asText());
        assertThat(expires).isBetween(java.time.Instant.now().plus(java.time.Duration.ofDays(89)),
                java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
        Api partnerApi = partnerApi(issued.json().get("token").asText());
        assertThat(partnerApi.get("/api/me/work-reports?orderId=0").status()).isNotIn(401, 403);

        assertThat(ordering.get("/api/partners/" + partner + "/access-tokens").json().get(0).get("issuedBy").asText())
                .isEqualTo(ordering.user());
        assertThat(ordering.get("/api/partners/" + partner + "/access-tokens").text()).doesNotContain(issued.json().get("token").asText());
        long id = issued.json().get("id").asLong();
        assertThat(staffOf(company, ACCOUNTING).delete("/api/partners/" + partner + "/access-tokens/" + id).status()).isEqualTo(403);
        assertThat(ordering.delete("/api/partners/" + partner + "/access-tokens/" + id).status()).isEqualTo(204);
        assertThat(partnerApi.get("/api/me/work-reports?orderId=0").status()).isEqualTo(401);
        assertThat(ordering.get("/api/partners/" + partner + "/access-tokens").json().get(0).get("revokedAt").isNull()).isFalse();

        // past its expiry it signs no one in
        Api.Response second = ordering.post("/api/partners/" + partner + "/access-tokens", "");
        Api expiring = partnerApi(second.json().get("token").asText());
        assertThat(expiring.get("/api/me/work-reports?orderId=0").status()).isNotIn(401, 403);
        jdbc.sql("UPDATE partner_access_token SET expires_at = now() - INTERVAL '1' SECOND WHERE id = ?")
                .param(second.json().get("id").asLong()).update();
        assertThat(expiring.get("/api/me/work-reports?orderId=0").status()).isEqualTo(401);
    }

    private Api partnerApi(String token) {
        return Api.withBearer(port, token);
    }
}
