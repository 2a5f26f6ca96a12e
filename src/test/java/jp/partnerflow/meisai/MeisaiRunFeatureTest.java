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
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * Runs of a 楽楽明細 connection over a record list on PostgreSQL, against a wire-level fake: by hand
 * as the logged-in executor, and by timers that are due together, which run one after another —
 * higher priority first, equal priority → fewer records first.
 */
class MeisaiRunFeatureTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final WireMockServer MEISAI = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    static {
        MEISAI.start();
    }

    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @BeforeEach
    void meisaiAcceptsAndCompletes() {
        MEISAI.resetAll();
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(json(
                "{\"importId\":\"R-{{randomValue length=6 type='NUMERIC'}}\",\"status\":\"accepted\",\"code\":\"0\"}")
                .withTransformers("response-template")));
        MEISAI.stubFor(get(urlMatching("/acme/api/v1/reports/imports/.*/state")).willReturn(json(
                "{\"processStatus\":\"complete\"}")));
    }

    @Test
    void aRunByHandSendsTheListInOneImportAsTheExecutorAndMailsThem() throws Exception {
        long company = api.company(true);
        long connection = batchConnection(company, "月次一括", "ON_COMPLETION_OR_ERROR", "EXECUTOR");
        long thisMonth = recordList(company, "今月承認・未発行の支払通知書", "THIS_MONTH");
        PaymentNoticeSent first = paymentNoticeSent(company);
        PaymentNoticeSent second = paymentNoticeSent(company);
        approveByDeadline(first.notice());
        approveByDeadline(second.notice());
        awaitStatus(second.notice(), "AUTO_APPROVED");
        assertThat(imports()).as("nothing goes out at approval when the connection sends in batches").isEmpty();
        String keiriId = "keiri" + UUID.randomUUID().toString().substring(0, 8);
        Api keiri = staffUser(company, keiriId, "keiri@example.jp");

        Api.Response started = keiri.post("/api/meisai/connections/" + connection + "/runs",
                "{\"recordListId\":" + thisMonth + "}");

        assertThat(started.status()).isEqualTo(202);
        JsonNode run = awaitRun(started.id(), "COMPLETE");
        assertThat(run.get("triggeredBy").asText()).isEqualTo("MANUAL");
        assertThat(run.get("executor").asText()).isEqualTo(keiriId);
        assertThat(run.get("recordCount").asInt()).isEqualTo(2);
        assertThat(run.get("imports")).hasSize(1);
        assertThat(imports()).hasSize(1);
        String csv = new String(imports().get(0).getPart("files[0]").getBody().asBytes(), WINDOWS_31J);
        String firstNumber = number(first.notice());
        String secondNumber = number(second.notice());
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("\"" + firstNumber + "\"", "\"" + secondNumber + "\"");
        assertThat(JSON.readTree(imports().get(0).getPart("json").getBody().asString()).get("inputUserComment").asText())
                .isEqualTo("月次一括 実行" + started.id());
        assertThat(api.get("/api/payment-notices/" + first.notice()).json().get("meisaiStatus").asText()).isEqualTo("連携済");
        assertThat(api.get("/api/meisai/issues?paymentNoticeId=" + first.notice()).json().get(0).get("importId").asText())
                .isEqualTo(run.get("imports").get(0).get("importId").asText());
        MimeMessage mail = awaitMail("【楽楽明細連携】完了: 月次一括 実行" + started.id());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("keiri@example.jp");
        assertThat(mail.getContent().toString()).contains("件数: 2");

        // a second run finds nothing left to issue
        long again = keiri.post("/api/meisai/connections/" + connection + "/runs", "{\"recordListId\":" + thisMonth + "}").id();
        assertThat(awaitRun(again, "COMPLETE").get("recordCount").asInt()).isZero();
        assertThat(imports()).hasSize(1);
        assertThat(api.get("/api/meisai/connections/" + connection + "/runs").json().findValuesAsText("id"))
                .containsExactly(Long.toString(again), Long.toString(started.id()));
    }

    @Test
    void twoCompaniesRunsSendTheirOwnNoticesAndMailTheirOwnStaff() throws Exception {
        long alpha = api.company(true);
        long beta = api.company(true);
        long alphaConnection = batchConnection(alpha, "アルファ月次", "ON_COMPLETION_OR_ERROR", "EXECUTOR");
        long betaConnection = batchConnection(beta, "ベータ月次", "ON_COMPLETION_OR_ERROR", "EXECUTOR");
        long alphaList = recordList(alpha, "今月", "THIS_MONTH");
        long betaList = recordList(beta, "今月", "THIS_MONTH");
        PaymentNoticeSent ofAlpha = paymentNoticeSent(alpha);
        PaymentNoticeSent ofBeta = paymentNoticeSent(beta);
        approveByDeadline(ofAlpha.notice());
        approveByDeadline(ofBeta.notice());
        awaitStatus(ofAlpha.notice(), "AUTO_APPROVED");
        awaitStatus(ofBeta.notice(), "AUTO_APPROVED");
        Api alphaStaff = staffUser(alpha, "alpha" + UUID.randomUUID().toString().substring(0, 8), "keiri@alpha.example.jp");
        Api betaStaff = staffUser(beta, "beta" + UUID.randomUUID().toString().substring(0, 8), "keiri@beta.example.jp");

        // one company's record list is no list at all on another company's connection
        Api.Response crossed = alphaStaff.post("/api/meisai/connections/" + alphaConnection + "/runs",
                "{\"recordListId\":" + betaList + "}");
        assertThat(crossed.status()).as(crossed.text()).isIn(400, 404);
        long alphaRun = alphaStaff.post("/api/meisai/connections/" + alphaConnection + "/runs",
                "{\"recordListId\":" + alphaList + "}").id();
        long betaRun = betaStaff.post("/api/meisai/connections/" + betaConnection + "/runs",
                "{\"recordListId\":" + betaList + "}").id();

        assertThat(awaitRun(alphaRun, "COMPLETE").get("recordCount").asInt()).isEqualTo(1);
        assertThat(awaitRun(betaRun, "COMPLETE").get("recordCount").asInt()).isEqualTo(1);
        assertThat(imports()).hasSize(2);
        assertThat(importCsv("アルファ月次 実行" + alphaRun)).contains(number(ofAlpha.notice())).doesNotContain(number(ofBeta.notice()));
        assertThat(importCsv("ベータ月次 実行" + betaRun)).contains(number(ofBeta.notice())).doesNotContain(number(ofAlpha.notice()));
        MimeMessage alphaMail = awaitMail("【楽楽明細連携】完了: アルファ月次 実行" + alphaRun);
        MimeMessage betaMail = awaitMail("【楽楽明細連携】完了: ベータ月次 実行" + betaRun);
        assertThat(alphaMail.getAllRecipients()).extracting(Object::toString).containsExactly("keiri@alpha.example.jp");
        assertThat(betaMail.getAllRecipients()).extracting(Object::toString).containsExactly("keiri@beta.example.jp");
        assertThat(alphaMail.getContent().toString()).contains("件数: 1").doesNotContain("ベータ");
        // and each company's staff see their own runs only
        assertThat(betaStaff.get("/api/meisai/runs/" + alphaRun).status()).isEqualTo(404);
        assertThat(alphaStaff.get("/api/meisai/connections/" + betaConnection + "/runs").status()).isEqualTo(404);
    }

    private static String importCsv(String comment) {
        LoggedRequest request = imports().stream().filter(r -> comment(r).equals(comment)).findFirst()
                .orElseThrow(() -> new AssertionError("no import " + comment));
        return new String(request.getPart("files[0]").getBody().asBytes(), WINDOWS_31J);
    }

    @Test
    void aRunOverMoreThan10000NoticesIsSplitIntoImportsOf10000() {
        long company = api.company(true);
        approvedNoticesInBulk(company, 10_001);
        long connection = batchConnection(company, "一万件超", "OFF", null);
        long list = recordList(company, "今月", "THIS_MONTH");

        long run = api.post("/api/meisai/connections/" + connection + "/runs", "{\"recordListId\":" + list + "}").id();

        JsonNode done = awaitRun(run, "COMPLETE");
        assertThat(done.get("recordCount").asInt()).isEqualTo(10_001);
        assertThat(done.get("imports").findValuesAsText("recordCount")).containsExactly("10000", "1");
        List<LoggedRequest> sent = imports().stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(sent).extracting(MeisaiRunFeatureTest::comment)
                .containsExactly("一万件超 実行" + run, "一万件超 実行" + run + " (2)");
        assertThat(new String(sent.get(0).getPart("files[0]").getBody().asBytes(), WINDOWS_31J).split("\r\n")).hasSize(10_001);
        assertThat(new String(sent.get(1).getPart("files[0]").getBody().asBytes(), WINDOWS_31J).split("\r\n")).hasSize(2);
        assertThat(count("payment_notice n JOIN partner p ON p.id = n.partner_id WHERE p.company_id = " + company
                + " AND n.meisai_status = '連携済'")).isEqualTo(10_001);
    }

    @Test
    void aPdfConnectionSendsTheNoticeAsAPdfInAZipWithTheSearchCsv() throws Exception {
        long company = companyWithApproved(1);
        long connection = batchConnection(company, "PDF連携", "OFF", null);
        jdbc.sql("UPDATE meisai_connection SET data_kind = 'DOCUMENT_PDF', target_pdf_field = '支払通知書PDF' WHERE id = ?")
                .param(connection).update();
        long list = recordList(company, "今月", "THIS_MONTH");

        long run = api.post("/api/meisai/connections/" + connection + "/runs", "{\"recordListId\":" + list + "}").id();

        awaitRun(run, "COMPLETE");
        LoggedRequest request = imports().get(0);
        assertThat(request.getPart("files[0]").getHeaders().getContentTypeHeader().firstValue()).isEqualTo("application/zip");
        java.util.Map<String, byte[]> zip = MeisaiDocumentFilesTest.entries(request.getPart("files[0]").getBody().asBytes());
        String number = jdbc.sql("SELECT n.number FROM payment_notice n JOIN partner p ON p.id = n.partner_id WHERE p.company_id = ?")
                .param(company).query(String.class).single();
        assertThat(zip).containsOnlyKeys(number + ".pdf", "search.csv");
        assertThat(new String(zip.get("search.csv"), WINDOWS_31J)).contains("\"" + number + "\"", "\"山田 太郎\"");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(zip.get(number + ".pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("支払通知書", "山田 太郎 様", number);
        }
    }

    @Test
    void timersDueTogetherRunOneAfterAnotherByPriorityThenFewerRecords() {
        // four companies, each with one batch connection and a timer over this month's approvals
        long low = companyWithApproved(1);
        long busy = companyWithApproved(2);
        long quiet = companyWithApproved(1);
        long urgent = companyWithApproved(3);
        long lowTimer = timedConnection(low, "優先度1", 1);
        long busyTimer = timedConnection(busy, "優先度5・2件", 5);
        long quietTimer = timedConnection(quiet, "優先度5・1件", 5);
        long urgentTimer = timedConnection(urgent, "優先度9・3件", 9);
        jdbc.sql("UPDATE meisai_timer SET next_run_at = ? WHERE connection_id IN (?, ?, ?, ?)")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(5)), lowTimer, busyTimer, quietTimer,
                        urgentTimer).update();

        management.executeJob(management.createJobQuery().processDefinitionKey(MeisaiRunProcess.TIMERS_ID).timers()
                .singleResult().getId());

        await().atMost(PATIENCE).until(() -> count("meisai_run WHERE connection_id IN (%d, %d, %d, %d) AND state = 'COMPLETE'"
                .formatted(lowTimer, busyTimer, quietTimer, urgentTimer)) == 4);
        List<String> sent = imports().stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(r -> comment(r).replaceAll(" 実行\\d+$", "")).toList();
        assertThat(sent).containsExactly("優先度9・3件", "優先度5・1件", "優先度5・2件", "優先度1");
        List<JsonNode> runs = List.of(lastRun(urgentTimer), lastRun(quietTimer), lastRun(busyTimer), lastRun(lowTimer));
        assertThat(runs).extracting(r -> r.get("recordCount").asInt()).containsExactly(3, 1, 2, 1);
        assertThat(runs).allSatisfy(r -> assertThat(r.get("triggeredBy").asText()).isEqualTo("TIMER"));
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).get("startedAt").asText()).as("opened in order")
                    .isGreaterThanOrEqualTo(runs.get(i - 1).get("startedAt").asText());
            assertThat(java.time.OffsetDateTime.parse(runs.get(i - 1).get("finishedAt").asText()).toInstant())
                    .as("the run before had ended when this one sent")
                    .isBeforeOrEqualTo(sentAt(runs.get(i)));
        }
        // each run stayed within its company: its own records (above), and its process is its company's tenant
        // though the timer sweep that called it is of no company
        long[] companies = { urgent, quiet, busy, low };
        for (int i = 0; i < runs.size(); i++) {
            var instance = history.createHistoricProcessInstanceQuery().processInstanceId(runs.get(i).get("processInstanceId")
                    .asText()).singleResult();
            assertThat(instance.getTenantId()).isEqualTo(jp.partnerflow.platform.CompanyTenants.of(companies[i]));
            // Cockpit names it by its connection and run, as one started by hand
            assertThat(instance.getBusinessKey()).isEqualTo(comment(runs.get(i)).replace(" 実行", " / 実行"));
        }
        // each timer moved on to its next day
        assertThat(api.get("/api/meisai/connections/" + urgentTimer + "/timer").json().get("nextRunAt").asText())
                .isNotBlank();
    }

    @Test
    void anImportThatFailsIsAnIncidentAndTheRunIsRecordedAsFailed() throws Exception {
        MEISAI.stubFor(get(urlMatching("/acme/api/v1/reports/imports/.*/state")).atPriority(1).willReturn(json(
                "{\"processStatus\":\"error\"}")));
        long company = companyWithApproved(1);
        long connection = batchConnection(company, "失敗する連携", "ON_ERROR", "EXECUTOR");
        long list = recordList(company, "今月", "THIS_MONTH");

        Api noMail = staffUser(company, "staff" + UUID.randomUUID().toString().substring(0, 8), null);

        long run = noMail.post("/api/meisai/connections/" + connection + "/runs", "{\"recordListId\":" + list + "}").id();

        JsonNode failed = awaitRun(run, "FAILED");
        assertThat(failed.get("errors").asText()).contains("ended as 'error'");
        assertThat(runtime.createIncidentQuery().processInstanceId(failed.get("processInstanceId").asText()).singleResult()
                .getActivityId()).isEqualTo("Task_CheckImportState");
        // the executor has no e-mail address: their mail goes to the admin
        assertThat(awaitMail("【楽楽明細連携】エラー: 失敗する連携 実行" + run).getAllRecipients()[0].toString())
                .isEqualTo(ADMIN_MAIL);
    }

    @Test
    void timerSettingsAreCheckedAndNeedBothPermissions() {
        long company = api.company(true);
        long connection = batchConnection(company, "タイマー", "OFF", null);
        long list = recordList(company, "先月", "LAST_MONTH");
        long otherList = recordList(api.company(true), "他社", "ANY_TIME");
        String timer = "/api/meisai/connections/" + connection + "/timer";

        assertInvalid(api.put(timer, timerJson(list, 5, "ONCE", "", "09:00")), "runOn");
        assertInvalid(api.put(timer, timerJson(list, 5, "ONCE", "\"runOn\":\"2020-01-01\",", "09:00")), "runOn");
        assertInvalid(api.put(timer, timerJson(list, 5, "WEEKLY", "\"dayOfMonth\":3,", "09:00")), "dayOfWeek");
        assertInvalid(api.put(timer, timerJson(list, 5, "DAILY", "\"dayOfWeek\":\"MONDAY\",", "09:00")), "dayOfWeek");
        assertInvalid(api.put(timer, timerJson(list, 5, "MONTHLY", "\"dayOfMonth\":32,", "09:00")), "dayOfMonth");
        assertInvalid(api.put(timer, timerJson(list, 0, "DAILY", "", "09:00")), "priority");
        assertInvalid(api.put(timer, timerJson(otherList, 5, "DAILY", "", "09:00")), "recordListId");
        assertThat(count("meisai_timer WHERE connection_id = " + connection)).isZero();

        Api plain = staffUser(company, "staff" + UUID.randomUUID().toString().substring(0, 8), null);
        assertThat(plain.put(timer, timerJson(list, 5, "DAILY", "", "09:00")).status()).isEqualTo(403);

        JsonNode set = api.put(timer, timerJson(list, 5, "MONTHLY", "\"dayOfMonth\":31,", "09:30")).json();
        java.time.ZonedDateTime next = java.time.OffsetDateTime.parse(set.get("nextRunAt").asText())
                .atZoneSameInstant(jp.partnerflow.platform.Tokyo.ZONE);
        assertThat(next.getDayOfMonth()).isEqualTo(next.toLocalDate().lengthOfMonth());
        assertThat(next.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 30));
        assertThat(set.get("executor").asText()).isEqualTo(STAFF_USER);
    }

    private static String timerJson(long list, int priority, String schedule, String extra, String time) {
        return """
                {"recordListId":%d,"enabled":true,"priority":%d,"schedule":"%s",%s"timeOfDay":"%s"}"""
                .formatted(list, priority, schedule, extra, time);
    }

    /** A company with {@code approved} payment notices approved (by deadline) this month. */
    private long companyWithApproved(int approved) {
        long company = api.company(true);
        for (int i = 0; i < approved; i++) {
            approveByDeadline(paymentNoticeSent(company).notice());
        }
        return company;
    }

    /** A batch connection of the company with a daily timer over this month's approvals; returns the connection. */
    private long timedConnection(long company, String name, int priority) {
        long connection = batchConnection(company, name, "OFF", null);
        long list = recordList(company, "今月", "THIS_MONTH");
        assertThat(api.put("/api/meisai/connections/" + connection + "/timer",
                timerJson(list, priority, "DAILY", "", "03:00")).status()).isEqualTo(200);
        return connection;
    }

    private long batchConnection(long company, String name, String reportMail, String to) {
        long connection = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"%s","url":"https://rb101.eco-serv.jp/acme/","apiToken":"run-token",
                 "dataKind":"DOCUMENT_CSV","reportMail":"%s",%s"reportTypeId":1,"importMethod":"NEW",
                 "issueOnApproval":false,
                 "recordUpdates":[{"field":"MEISAI_STATUS","fieldType":"SINGLE_CHOICE","value":"連携済"}]}"""
                .formatted(company, name, reportMail, to == null ? "" : "\"reportMailTo\":\"" + to + "\",")).id();
        jdbc.sql("UPDATE meisai_connection SET url = ? WHERE id = ?").param(MEISAI.baseUrl() + "/acme/").param(connection)
                .update();
        return connection;
    }

    private long recordList(long company, String name, String approvedIn) {
        return api.post("/api/meisai/record-lists", """
                {"companyId":%d,"name":"%s","approvedIn":"%s"}""".formatted(company, name, approvedIn)).id();
    }

    /** A staff user of the company's accounting (who may run connections), outside the configuring groups. */
    private Api staffUser(long company, String id, String email) {
        User user = identity.newUser(id);
        user.setPassword("pw-" + id);
        user.setEmail(email);
        identity.saveUser(user);
        identity.createMembership(id, jp.partnerflow.platform.StaffGroups.ACCOUNTING);
        identity.createTenantUserMembership(jp.partnerflow.platform.CompanyTenants.of(company), id);
        return new Api(port, id, "pw-" + id);
    }

    private void approveByDeadline(long notice) {
        String process = api.get("/api/payment-notices/" + notice).json().get("processInstanceId").asText();
        management.executeJob(management.createJobQuery().processInstanceId(process)
                .activityId("Timer_ConfirmationDeadline").singleResult().getId());
    }

    private void awaitStatus(long notice, String status) {
        await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices/" + notice).json().get("status").asText(),
                status::equals);
    }

    private JsonNode awaitRun(long run, String state) {
        return await().atMost(PATIENCE).until(() -> api.get("/api/meisai/runs/" + run).json(),
                r -> r.get("state").asText().equals(state));
    }

    private JsonNode lastRun(long connection) {
        return api.get("/api/meisai/connections/" + connection + "/runs").json().get(0);
    }

    private java.time.Instant sentAt(JsonNode run) {
        String comment = comment(run);
        return imports().stream().filter(r -> comment(r).equals(comment))
                .findFirst().orElseThrow(() -> new AssertionError("no import " + comment)).getLoggedDate().toInstant();
    }

    private String comment(JsonNode run) {
        return api.get("/api/meisai/connections/" + run.get("connectionId").asLong()).json().get("name").asText()
                + " 実行" + run.get("id").asText();
    }

    private String number(long notice) {
        return api.get("/api/payment-notices/" + notice).json().get("number").asText();
    }

    private static String comment(LoggedRequest request) {
        try {
            return JSON.readTree(request.getPart("json").getBody().asString()).get("inputUserComment").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<LoggedRequest> imports() {
        return MEISAI.findAll(postRequestedFor(urlEqualTo("/acme/api/v1/reports/imports")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
