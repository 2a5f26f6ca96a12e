package jp.partnerflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.PartnerflowApplication;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.TestDatabase;

/**
 * Payment notices on PostgreSQL with LINE faked at the wire level: from the order to the notice
 * approved automatically when its deadline passes; approved by the partner on LINE after a return
 * and a correction in Tasklist; and every refusal.
 */
class PaymentNoticeFeatureTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    ManagementService management;

    @Test
    void fromTheOrderToANoticeApprovedWhenItsDeadlinePasses() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        JsonNode notice = notice(sent.notice());
        JsonNode version = notice.get("versions").get(0);
        // ¥300,000 at 10 %, 源泉 10.21 % = 30,630; 翌月末払い
        assertThat(notice.get("status").asText()).isEqualTo("SENT");
        assertThat(notice.get("billingMonth").asText()).isEqualTo("2026-12");
        assertThat(version.get("amountTenPercent").asLong()).isEqualTo(300_000);
        assertThat(version.get("taxTenPercent").asLong()).isEqualTo(30_000);
        assertThat(version.get("withholding").asLong()).isEqualTo(30_630);
        assertThat(version.get("amountPaid").asLong()).isEqualTo(299_370);
        assertThat(version.get("paymentDate").asText()).isEqualTo("2027-01-31");
        Instant sentAt = Instant.parse(version.get("sentAt").asText());
        assertThat(Instant.parse(version.get("confirmationDeadline").asText())).isEqualTo(ConfirmationDeadline.of(sentAt, 5));

        management.executeJob(deadline(notice).getId());

        JsonNode approved = notice(sent.notice());
        assertThat(approved.get("status").asText()).isEqualTo("AUTO_APPROVED");
        assertThat(approved.get("events").findValuesAsText("kind")).containsExactly("SENT", "AUTO_APPROVED");
        assertThat(approved.get("events").get(1).get("actor").asText()).isEqualTo("deadline");
        assertThat(approved.get("events").get(1).get("occurredAt").asText()).isNotBlank();
        await().atMost(PATIENCE).until(() -> pushesTo(sent.user()).size() == 3);

        // a late tap changes nothing and says why
        String late = postback(sent.user(), "action=confirm-approve-payment-notice&notice=" + sent.notice());
        await().atMost(PATIENCE).until(() -> !repliesTo(late).isEmpty());
        assertThat(repliesTo(late).get(0).getBodyAsString()).contains("確認期限を過ぎたため");
        Api.Response twice = api.asPartner(sent.partnerId()).post("/api/me/payment-notices/" + sent.notice() + "/approve", "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("approved automatically");
        assertThat(notice(sent.notice()).get("events")).hasSize(2);

        List<String> pushes = pushTextsTo(sent.user());
        assertThat(pushes).hasSize(3);
        assertThat(pushes.get(0)).contains("発注書を確認してください");
        assertThat(pushes.get(1)).contains("支払通知書を確認してください", "2026年12月分", "お支払額 299,370円", "お支払日 1月31日",
                "承認する", "内容を見る");
        assertThat(pushes.get(2)).contains("支払通知書の承認が完了しました", "確認期限までにご連絡がなかったため");
    }

    @Test
    void returnedCorrectedInTasklistResentAndApprovedOnLine() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        Api partner = api.asPartner(sent.partnerId());
        String path = "/api/me/payment-notices/" + sent.notice();

        Api other = api.asPartner(api.partner(api.company(true), Api.newLineUserId()));
        assertThat(other.post(path + "/approve", "").status()).isEqualTo(403);
        assertInvalid(partner.post(path + "/return", "{\"reason\":\" \"}"), "reason");
        assertThat(notice(sent.notice()).get("status").asText()).isEqualTo("SENT");

        assertThat(partner.post(path + "/return", "{\"reason\":\"源泉徴収の額が違います\"}").status()).isEqualTo(200);
        JsonNode tasks = api.get("/engine-rest/task?candidateGroup=accounting&processInstanceId="
                + notice(sent.notice()).get("processInstanceId").asText()).json();
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        assertThat(tasks.get(0).get("name").asText()).matches("支払通知書を修正する PN-\\d{6}-\\d{5} 山田 太郎 [0-9,]+円");
        assertThat(api.get("/engine-rest/task/" + task + "/form-variables").json().get("returnReason").get("value").asText())
                .isEqualTo("源泉徴収の額が違います");

        // past the 60-day limit: refused, the task stays
        Api.Response late = correct(task, "2027-03-15", "支払日を変更しました");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("message").asText()).contains("paymentDate", "60 days");
        assertThat(notice(sent.notice()).get("versions")).hasSize(1);
        // completed with the form's variables, as a company system would: the same as the form
        assertThat(correct(task, "2027-02-26", "お支払日を2月26日に変更しました", "complete").status()).isEqualTo(204);

        JsonNode resent = notice(sent.notice());
        assertThat(resent.get("status").asText()).isEqualTo("SENT");
        assertThat(resent.get("versions")).hasSize(2);
        assertThat(resent.get("versions").get(1).get("paymentDate").asText()).isEqualTo("2027-02-26");
        await().atMost(PATIENCE).until(() -> pushesTo(sent.user()).size() == 3);

        // another LINE user's tap, or one on no notice, changes nothing and says so
        String stranger = Api.newLineUserId();
        api.partner(api.company(true), stranger);
        String notMine = postback(stranger, "action=confirm-approve-payment-notice&notice=" + sent.notice());
        String noSuch = postback(sent.user(), "action=confirm-approve-payment-notice&notice=x" + sent.notice());
        await().atMost(PATIENCE).until(() -> !repliesTo(notMine).isEmpty() && !repliesTo(noSuch).isEmpty());
        assertThat(repliesTo(notMine).get(0).getBodyAsString()).contains("この支払通知書を操作する権限がありません");
        assertThat(repliesTo(noSuch).get(0).getBodyAsString()).contains("この支払通知書を操作する権限がありません");
        assertThat(notice(sent.notice()).get("status").asText()).isEqualTo("SENT");

        // 承認する → 最終確認 → 実行する
        String ask = postback(sent.user(), "action=approve-payment-notice&notice=" + sent.notice());
        await().atMost(PATIENCE).until(() -> !repliesTo(ask).isEmpty());
        assertThat(repliesTo(ask).get(0).getBodyAsString()).contains("confirm");
        String confirm = postback(sent.user(), "action=confirm-approve-payment-notice&notice=" + sent.notice());
        await().atMost(PATIENCE).until(() -> !repliesTo(confirm).isEmpty());
        assertThat(repliesTo(confirm).get(0).getBodyAsString()).contains("を承認しました");

        JsonNode approved = notice(sent.notice());
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("events").findValuesAsText("kind"))
                .containsExactly("SENT", "RETURNED", "CORRECTED", "SENT", "APPROVED");
        assertThat(approved.get("events").findValuesAsText("version")).containsExactly("1", "1", "2", "2", "2");
        assertThat(approved.get("events").get(2).get("actor").asText()).isEqualTo(STAFF_USER);
        assertThat(approved.get("events").get(4).get("actor").asText()).isEqualTo("partner:" + sent.partnerId());
        await().atMost(PATIENCE).until(() -> api.get("/engine-rest/process-instance/"
                + approved.get("processInstanceId").asText()).status() == 404);
        assertThat(partner.post(path + "/approve", "").status()).isEqualTo(409);

        // final: a later correction is a new version under the same number, confirmed again
        assertInvalid(api.post("/api/payment-notices/" + sent.notice() + "/corrections",
                "{\"paymentDate\":\"2027-03-02\",\"note\":\"再訂正\"}"), "paymentDate");
        Api.Response corrected = api.post("/api/payment-notices/" + sent.notice() + "/corrections",
                "{\"paymentDate\":\"2027-02-25\",\"note\":\"振込日の訂正\"}");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        JsonNode third = notice(sent.notice());
        assertThat(third.get("number").asText()).isEqualTo(approved.get("number").asText());
        assertThat(third.get("versions")).hasSize(3);
        assertThat(third.get("status").asText()).isEqualTo("SENT");
        await().atMost(PATIENCE).until(() -> pushesTo(sent.user()).size() == 4);
    }

    @Test
    void theHistoryIsReadTheSameFromAFreshlyStartedService() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        management.executeJob(deadline(notice(sent.notice())).getId());
        JsonNode before = notice(sent.notice());

        TestDatabase.Connection db = TestDatabase.get();
        // a second instance of the service, started as from the command line, on the same database
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(PartnerflowApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--camunda.bpm.process-engine-name=restarted",
                "--camunda.bpm.job-execution.enabled=false",
                // no second webapp: Camunda's webapps keep their engine in static state (Nodes says more)
                "--camunda.bpm.webapp.enabled=false")) {
            int port = ((ServletWebServerApplicationContext) restarted).getWebServer().getPort();
            Api.Response read = new Api(port, STAFF_USER, STAFF_PASSWORD).get("/api/payment-notices/" + sent.notice());
            assertThat(read.status()).as(read.text()).isEqualTo(200);
            JsonNode after = read.json();

            assertThat(after).isEqualTo(before);
            assertThat(after.get("status").asText()).isEqualTo("AUTO_APPROVED");
            assertThat(after.get("events").findValuesAsText("kind")).containsExactly("SENT", "AUTO_APPROVED");
        }
    }

    @Test
    void accountingCorrectsAnApprovedNoticeFromTheTasklistStartForm() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        String number = notice(sent.notice()).get("number").asText();
        String form = "/engine-rest/process-definition/key/payment-notice/submit-form";

        // not approved yet: its partner has it
        Api.Response early = api.post(form, startForm(number, "2027-01-29", "振込日の訂正"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("message").asText()).contains("only an approved notice");
        assertThat(api.post(form, startForm("PN-209901-99999", "2027-01-29", "x")).json().get("message").asText())
                .contains("noticeNumber");

        assertThat(api.asPartner(sent.partnerId()).post("/api/me/payment-notices/" + sent.notice() + "/approve", "")
                .status()).isEqualTo(200);
        Api.Response tooLate = api.post(form, startForm(number, "2027-03-05", "振込日の訂正"));
        assertThat(tooLate.json().get("message").asText()).contains("paymentDate");
        assertThat(notice(sent.notice()).get("versions")).hasSize(1);

        Api.Response started = api.post(form, startForm(number, "2027-01-29", "振込日の訂正"));
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        JsonNode corrected = notice(sent.notice());
        assertThat(corrected.get("status").asText()).isEqualTo("SENT");
        assertThat(corrected.get("versions")).hasSize(2);
        assertThat(corrected.get("processInstanceId").asText()).isEqualTo(started.json().get("id").asText());
        assertThat(corrected.get("events").findValuesAsText("kind"))
                .containsExactly("SENT", "APPROVED", "CORRECTED", "SENT");
        assertThat(corrected.get("events").get(2).get("actor").asText()).isEqualTo(STAFF_USER);
        await().atMost(PATIENCE).until(() -> pushesTo(sent.user()).size() == 3);
        assertThat(pushTextsTo(sent.user()).get(2)).contains("支払通知書を確認してください", "お支払日 1月29日");
    }

    @Test
    void settingsThatBreakTheRulesAreRefused() {
        assertInvalid(api.post("/api/companies", """
                {"name":"X","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":true,
                 "paymentNoticeConfirmationDays":8}"""), "paymentNoticeConfirmationDays");
        assertInvalid(api.post("/api/companies", """
                {"name":"X","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":true,
                 "paymentNoticeConfirmationDays":0}"""), "paymentNoticeConfirmationDays");
        // 翌々月末払い pays the work of 28 February on 30 April: 61 days
        Api.Response late = api.post("/api/companies", """
                {"name":"X","closingDay":31,"paymentTerms":{"monthOffset":2,"day":31},"lineOption":true}""");
        assertInvalid(late, "paymentTerms");
        assertThat(late.text()).contains("2027-02-28", "2027-04-30", "61 days");

        long partner = api.partner(api.company(true), Api.newLineUserId());
        long orders = count("purchase_order");
        assertInvalid(api.post("/api/orders", """
                {"partnerId":%d,"title":"保守","workContent":"保守","periodStart":"2026-12-01","periodEnd":"2026-12-31",
                 "fee":300000,"taxRate":"TEN_PERCENT","paymentTerms":{"monthOffset":2,"day":31}}""".formatted(partner)),
                "paymentTerms");
        assertThat(count("purchase_order")).isEqualTo(orders);
    }

    private JsonNode notice(long id) {
        return api.get("/api/payment-notices/" + id).json();
    }

    private Job deadline(JsonNode notice) {
        return management.createJobQuery().processInstanceId(notice.get("processInstanceId").asText())
                .activityId("Timer_ConfirmationDeadline").singleResult();
    }

    private static String startForm(String number, String paymentDate, String note) {
        return """
                {"variables":{"noticeNumber":{"value":"%s","type":"String"},"paymentDate":{"value":"%s","type":"String"},
                 "note":{"value":"%s","type":"String"}}}""".formatted(number, paymentDate, note);
    }

    private Api.Response correct(String task, String paymentDate, String note) {
        return correct(task, paymentDate, note, "submit-form");
    }

    private Api.Response correct(String task, String paymentDate, String note, String completion) {
        return api.post("/engine-rest/task/" + task + "/" + completion, """
                {"variables":{"paymentDate":{"value":"%s","type":"String"},"note":{"value":"%s","type":"String"}}}"""
                .formatted(paymentDate, note));
    }
}
