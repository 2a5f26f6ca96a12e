package jp.partnerflow.meisai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.FeatureTest;

/**
 * Approved payment notices issued through 楽楽明細 (a wire-level fake) on PostgreSQL: issued once,
 * a correction after issue goes out as a replacement with the same 帳票No, and maintenance is
 * waited out and the notice issued once afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class MeisaiIssuanceFeatureTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final WireMockServer MEISAI = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final String TOKEN = "issuance-token-" + java.util.UUID.randomUUID();

    static {
        MEISAI.start();
    }

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void meisaiAcceptsAndCompletes() {
        MEISAI.resetAll();
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).atPriority(10).willReturn(json(
                "{\"importId\":\"R-1\",\"status\":\"accepted\",\"code\":\"0\"}")));
        MEISAI.stubFor(get(urlMatching("/acme/api/v1/reports/imports/.*/state")).willReturn(json(
                "{\"processStatus\":\"complete\"}")));
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/customers/imports")).willReturn(json(
                "{\"importId\":\"C-1\",\"status\":\"accepted\",\"code\":\"0\"}")));
        MEISAI.stubFor(get(urlMatching("/acme/api/v1/customers/imports/.*/state")).willReturn(json(
                "{\"processStatus\":\"complete\"}")));
    }

    @Test
    void aNewPartnerGoesFirstAsCustomerDataAndAgainOnlyWhenChanged() {
        long company = companyWithMeisai();
        long customers = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"取引先","url":"https://rb101.eco-serv.jp/acme/","apiToken":"%s",
                 "dataKind":"CUSTOMER","reportMail":"OFF"}""".formatted(company, TOKEN)).id();
        jdbc.sql("UPDATE meisai_connection SET url = ? WHERE id = ?").param(MEISAI.baseUrl() + "/acme/").param(customers)
                .update();
        PaymentNoticeSent sent = paymentNoticeSent(company);
        approveByDeadline(sent.notice());

        awaitMeisaiStatus(sent.notice(), "連携済");
        List<LoggedRequest> all = MEISAI.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("POST")).sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
        assertThat(all).extracting(LoggedRequest::getUrl)
                .containsExactly("/acme/api/v1/customers/imports", "/acme/api/v1/reports/imports");
        assertThat(new String(all.get(0).getPart("files[0]").getBody().asBytes(), WINDOWS_31J))
                .contains("\"顧客コード\"", "\"P%07d\"".formatted(sent.partnerId()), "\"山田 太郎\"");

        // unchanged partner: documents only; changed address: customer data again
        jdbc.sql("UPDATE payment_notice SET meisai_status = '未連携' WHERE id = ?").param(sent.notice()).update();
        api.post("/api/payment-notices/" + sent.notice() + "/corrections", "{\"paymentDate\":\"2027-01-29\",\"note\":\"訂正\"}");
        api.asPartner(sent.partnerId()).post("/api/me/payment-notices/" + sent.notice() + "/approve", "");
        awaitMeisaiStatus(sent.notice(), "連携済");
        assertThat(MEISAI.findAll(postRequestedFor(urlEqualTo("/acme/api/v1/customers/imports")))).hasSize(1);

        api.put("/api/partners/" + sent.partnerId() + "/basic-info", """
                {"postalCode":"150-0001","address":"東京都渋谷区神宮前1-1","phone":"090-1234-5678"}""");
        jdbc.sql("UPDATE payment_notice SET meisai_status = '未連携' WHERE id = ?").param(sent.notice()).update();
        api.post("/api/payment-notices/" + sent.notice() + "/corrections", "{\"paymentDate\":\"2027-01-28\",\"note\":\"再訂正\"}");
        api.asPartner(sent.partnerId()).post("/api/me/payment-notices/" + sent.notice() + "/approve", "");
        awaitMeisaiStatus(sent.notice(), "連携済");
        List<LoggedRequest> customerImports = MEISAI.findAll(postRequestedFor(urlEqualTo("/acme/api/v1/customers/imports")));
        assertThat(customerImports).hasSize(2);
        assertThat(new String(customerImports.get(1).getPart("files[0]").getBody().asBytes(), WINDOWS_31J))
                .contains("東京都渋谷区神宮前1-1");
    }

    @Test
    void anApprovedNoticeIsIssuedOnceAndACorrectionIsAReplacementWithTheSameNumber(CapturedOutput output) throws Exception {
        long company = companyWithMeisai();
        PaymentNoticeSent sent = paymentNoticeSent(company);
        approveByDeadline(sent.notice());

        JsonNode issued = awaitMeisaiStatus(sent.notice(), "連携済");
        assertThat(issued.get("meisaiIssuedAt").asText()).isNotBlank();
        List<LoggedRequest> imports = imports();
        assertThat(imports).hasSize(1);
        String number = issued.get("number").asText();
        assertThat(json(imports.get(0)).get("isNewIssues").asInt()).isEqualTo(1);
        assertThat(csv(imports.get(0))).contains("\"" + number + "\"", "\"299370\"", "\"2027/01/31\"");

        // corrected after issue: a replacement keyed by the same 帳票No
        jdbc.sql("UPDATE payment_notice SET meisai_status = '未連携' WHERE id = ?").param(sent.notice()).update();
        assertThat(api.post("/api/payment-notices/" + sent.notice() + "/corrections",
                "{\"paymentDate\":\"2027-01-29\",\"note\":\"振込日の訂正\"}").status()).isEqualTo(200);
        assertThat(api.asPartner(sent.partnerId()).post("/api/me/payment-notices/" + sent.notice() + "/approve", "")
                .status()).isEqualTo(200);

        awaitMeisaiStatus(sent.notice(), "連携済");
        assertThat(imports()).hasSize(2);
        LoggedRequest replacement = imports().get(1);
        assertThat(json(replacement).get("isNewIssues").asInt()).isEqualTo(2);
        assertThat(csv(replacement)).contains("\"" + number + "\"", "\"2027/01/29\"");
        JsonNode history = api.get("/api/meisai/issues?paymentNoticeId=" + sent.notice()).json();
        assertThat(history.findValuesAsText("version")).containsExactly("1", "2");
        assertThat(history.findValuesAsText("importMethod")).containsExactly("NEW", "REPLACE");
        assertThat(history.findValuesAsText("state")).containsExactly("COMPLETE", "COMPLETE");
        assertThat(history.findValuesAsText("importId")).containsExactly("R-1", "R-1");
        // the token went to 楽楽明細 on every call, and nowhere else
        assertThat(imports()).allMatch(r -> TOKEN.equals(r.getHeader("X-WB-apitoken")));
        assertThat(output.getAll()).doesNotContain(TOKEN);
    }

    @Test
    void maintenanceIsWaitedOutAndTheNoticeIssuedOnce() {
        long company = companyWithMeisai();
        PaymentNoticeSent sent = paymentNoticeSent(company);
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).atPriority(1).inScenario("maintenance")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("back")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("Status: 503 Maintenance mode\n<html>メンテナンス中です</html>")));

        approveByDeadline(sent.notice());

        awaitMeisaiStatus(sent.notice(), "連携済");
        assertThat(imports()).hasSize(2);
        assertThat(count("meisai_issue WHERE payment_notice_id = " + sent.notice())).isEqualTo(1);
    }

    @Test
    void theReportMailSaysItIsDoneAndSpentRetriesAreAnIncidentAndAnErrorMail() throws Exception {
        PaymentNoticeSent done = paymentNoticeSent(companyWithMeisai("ON_COMPLETION_OR_ERROR"));
        approveByDeadline(done.notice());
        String doneNumber = awaitMeisaiStatus(done.notice(), "連携済").get("number").asText();
        MimeMessage completed = awaitMail("【楽楽明細連携】完了: " + doneNumber);
        assertThat(completed.getAllRecipients()[0].toString()).isEqualTo(ADMIN_MAIL);
        assertThat(completed.getContent().toString()).contains("楽楽明細連携「支払通知書」が完了しました", "取込ID: R-1");

        com.github.tomakehurst.wiremock.stubbing.StubMapping maintenance = MEISAI.stubFor(
                post(urlEqualTo("/acme/api/v1/reports/imports")).atPriority(1).willReturn(aResponse().withStatus(503)));
        PaymentNoticeSent down = paymentNoticeSent(companyWithMeisai("ON_ERROR"));
        approveByDeadline(down.notice());
        String downNumber = api.get("/api/payment-notices/" + down.notice()).json().get("number").asText();

        String issuance = await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("山田 太郎 / " + downNumber + " v1").singleResult(), p -> p != null).getId();
        Incident incident = await().atMost(PATIENCE).until(() -> runtime.createIncidentQuery()
                .processInstanceId(issuance).singleResult(), i -> i != null);
        assertThat(incident.getActivityId()).isEqualTo("Task_ImportDocument");
        assertThat(incident.getIncidentMessage()).startsWith("山田 太郎 / " + downNumber + " v1 / ").contains("503");
        MimeMessage failed = awaitMail("【楽楽明細連携】エラー: " + downNumber);
        assertThat(failed.getContent().toString()).contains("503", "Cockpit");
        assertThat(api.get("/api/payment-notices/" + down.notice()).json().get("meisaiStatus").asText()).isEqualTo("未連携");

        // maintenance is over; the operator retries the incident as Cockpit does: issued, once
        MEISAI.removeStub(maintenance);
        int sentBefore = imports().size();
        assertThat(api.put("/engine-rest/job/" + incident.getConfiguration() + "/retries", "{\"retries\":1}").status())
                .isEqualTo(204);
        awaitMeisaiStatus(down.notice(), "連携済");
        assertThat(imports()).hasSize(sentBefore + 1);
        assertThat(count("meisai_issue WHERE payment_notice_id = " + down.notice() + " AND state = 'COMPLETE'")).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(issuance).count()).isZero();
    }

    @Test
    void approvalIssuesOnlyThroughAConnectionThatIssuesOnApproval() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        long company = api.get("/api/partners/" + sent.partnerId()).json().get("companyId").asLong();
        // first a batch-only PDF connection, then the one that issues on approval
        long batch = connection(company, "月末PDF一括", false);
        jdbc.sql("UPDATE meisai_connection SET data_kind = 'DOCUMENT_PDF', target_pdf_field = '支払通知書PDF' WHERE id = ?")
                .param(batch).update();
        long onApproval = connection(company, "承認時CSV", true);

        approveByDeadline(sent.notice());

        awaitMeisaiStatus(sent.notice(), "連携済");
        assertThat(jdbc.sql("SELECT connection_id FROM meisai_issue WHERE payment_notice_id = ?").param(sent.notice())
                .query(Long.class).single()).isEqualTo(onApproval);
        assertThat(imports()).hasSize(1);
        assertThat(imports().get(0).getBodyAsString()).doesNotContain("application/zip").contains("text/csv");
    }

    private long connection(long company, String name, boolean issueOnApproval) {
        long connection = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"%s","url":"https://rb101.eco-serv.jp/acme/","apiToken":"%s",
                 "dataKind":"DOCUMENT_CSV","reportMail":"OFF","reportTypeId":1,"importMethod":"NEW","issueOnApproval":%s,
                 "recordUpdates":[{"field":"MEISAI_STATUS","fieldType":"SINGLE_CHOICE","value":"連携済"}]}"""
                .formatted(company, name, TOKEN, issueOnApproval)).id();
        jdbc.sql("UPDATE meisai_connection SET url = ? WHERE id = ?").param(MEISAI.baseUrl() + "/acme/").param(connection)
                .update();
        return connection;
    }

    @Test
    void aCompanyWithoutAConnectionIssuesNothing() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        approveByDeadline(sent.notice());

        String process = api.get("/api/payment-notices/" + sent.notice()).json().get("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/process-instance/" + process).status() == 404);
        assertThat(count("meisai_issue WHERE payment_notice_id = " + sent.notice())).isZero();
        assertThat(imports()).isEmpty();
    }

    /** A company whose document connection points at the fake (set through the API, then re-pointed). */
    private long companyWithMeisai() {
        return companyWithMeisai("OFF");
    }

    private long companyWithMeisai(String reportMail) {
        long company = api.company(true);
        long connection = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"支払通知書","url":"https://rb101.eco-serv.jp/acme/","apiToken":"%s",
                 "dataKind":"DOCUMENT_CSV","reportMail":"%s",%s"reportTypeId":1,"importMethod":"NEW",
                 "recordUpdates":[{"field":"MEISAI_STATUS","fieldType":"SINGLE_CHOICE","value":"連携済"},
                                  {"field":"MEISAI_ISSUED_AT","fieldType":"DATE_TIME","value":"now"}]}"""
                .formatted(company, TOKEN, reportMail, reportMail.equals("OFF") ? "" : "\"reportMailTo\":\"ADMIN\",")).id();
        jdbc.sql("UPDATE meisai_connection SET url = ? WHERE id = ?").param(MEISAI.baseUrl() + "/acme/").param(connection)
                .update();
        return company;
    }

    private void approveByDeadline(long notice) {
        String process = api.get("/api/payment-notices/" + notice).json().get("processInstanceId").asText();
        management.executeJob(management.createJobQuery().processInstanceId(process)
                .activityId("Timer_ConfirmationDeadline").singleResult().getId());
    }

    private JsonNode awaitMeisaiStatus(long notice, String status) {
        return await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices/" + notice).json(),
                n -> n.get("meisaiStatus").asText().equals(status));
    }

    private static List<LoggedRequest> imports() {
        return MEISAI.findAll(postRequestedFor(urlEqualTo("/acme/api/v1/reports/imports")));
    }

    private static JsonNode json(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getPart("json").getBody().asString());
    }

    private static String csv(LoggedRequest request) {
        return new String(request.getPart("files[0]").getBody().asBytes(), WINDOWS_31J);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
