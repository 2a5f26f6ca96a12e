package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * A billing month on the real engine and PostgreSQL: opened once, and while no invoice is in the
 * partner is reminded on LINE the day after and two days after the closing date.
 */
class InvoiceReminderTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void theDayAfterAndTwoDaysAfterClosingThePartnerIsRemindedOnLine() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        long order = api.order(partner);

        ProcessInstance month = runtime.startProcessInstanceByKey(BillingMonthProcess.ID, "order-" + order + "-2027-01",
                Map.of(BillingMonthProcess.ORDER_ID, order, BillingMonthProcess.BILLING_MONTH, "2027-01"));

        assertThat(jdbc.sql("SELECT closing_date || ' ' || status FROM billing_month WHERE purchase_order_id = ?")
                .param(order).query(String.class).single()).isEqualTo("2027-01-31 OPEN");
        Job dayAfter = timer(month, "Timer_DayAfterClosing");
        Job twoDaysAfter = timer(month, "Timer_TwoDaysAfterClosing");
        assertThat(dayAfter.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-02-01T01:00:00Z")));
        assertThat(twoDaysAfter.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-02-02T01:00:00Z")));

        management.executeJob(dayAfter.getId());
        await().atMost(PATIENCE).until(() -> reminders(user).size() == 1);
        // no work report yet: registering work comes first
        assertThat(reminders(user).get(0)).contains("請求書を作成してください", "2027年1月分（締め日 1月31日）\\nWebサイト改修（PO-",
                "稼動を登録する", "/partner/work-reports/new?order=" + order + "&month=2027-01",
                "請求書を作成する", "/partner/invoices/new?order=" + order + "&month=2027-01");

        assertThat(api.post("/api/orders/" + order + "/work-reports", """
                {"billingMonth":"2027-01","entries":[{"workDate":"2027-01-05","hours":8,"content":"改修"}]}""")
                .status()).isEqualTo(201);
        management.executeJob(twoDaysAfter.getId());
        await().atMost(PATIENCE).until(() -> reminders(user).size() == 2);
        assertThat(reminders(user).get(1)).contains("請求書を作成する").doesNotContain("稼動を登録する");
        JsonNode notices = api.get("/api/partners/" + partner + "/notices").json();
        assertThat(notices.findValuesAsText("title")).filteredOn("請求書を作成してください"::equals).hasSize(2);
        // opened once, however often its step ran
        assertThat(jdbc.sql("SELECT count(*) FROM billing_month WHERE purchase_order_id = ?").param(order)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** The invoice reminders pushed to a LINE user, as JSON text (Japanese unescaped). */
    private static List<String> reminders(String user) {
        return pushTextsTo(user).stream().filter(text -> text.contains("請求書を作成してください")).toList();
    }

    private Job timer(ProcessInstance month, String activityId) {
        return management.createJobQuery().processInstanceId(month.getId()).activityId(activityId).singleResult();
    }
}
