package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * An approved order opens one billing month per month of its period at once; after a closing date a
 * fixed-fee order's work report is made and the partner is told 「業務報告が作成されました」.
 */
class BillingMonthsOfAnOrderTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String REPORT_CREATED = "業務報告が作成されました";

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void anApprovedMonthlyOrderOpensItsMonthsAndGetsItsWorkReportAfterEachClosingDate() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user)); // 2026-12-01 – 2027-03-31, closing 末日
        approveOnLine(user, order);

        List<ProcessInstance> months = billingMonths(order);
        assertThat(months).extracting(ProcessInstance::getBusinessKey).map(key -> key.substring(key.length() - 7))
                .containsExactly("2026-12", "2027-01", "2027-02", "2027-03");
        assertThat(jdbc.sql("SELECT closing_date FROM billing_month WHERE purchase_order_id = ? ORDER BY billing_month")
                .param(order).query(String.class).list())
                .containsExactly("2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31");
        assertThat(reportsOf(order)).isZero();

        closingDatePasses(months.get(0));

        await().atMost(PATIENCE).until(() -> pushTextsTo(user).stream().anyMatch(t -> t.contains(REPORT_CREATED)));
        assertThat(pushTextsTo(user).stream().filter(t -> t.contains(REPORT_CREATED)))
                .singleElement().asString().contains("2026年12月分", "業務報告を見る",
                        "/partner/work-reports?order=" + order + "&month=2026-12");
        assertThat(jdbc.sql("""
                SELECT r.created_by || ' ' || e.content FROM work_report r
                JOIN work_report_entry e ON e.work_report_id = r.id
                JOIN billing_month m ON m.id = r.billing_month_id WHERE m.purchase_order_id = ?""")
                .param(order).query(String.class).single()).isEqualTo("SYSTEM Webサイト改修（月額固定報酬）");
    }

    @Test
    void anHourlyOrdersWorkIsReportedByThePartnerNotMadeAfterClosing() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        Api.Response created = api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partner));
        long order = created.id();
        approveOnLine(user, order);
        List<ProcessInstance> months = billingMonths(order);
        assertThat(months).hasSize(1);

        closingDatePasses(months.get(0));

        assertThat(reportsOf(order)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(months.get(0).getId()).count()).isOne();
        assertThat(pushTextsTo(user)).noneMatch(t -> t.contains(REPORT_CREATED));
    }

    private List<ProcessInstance> billingMonths(long order) {
        String orderInstance = api.get("/api/orders/" + order).json().get("processInstanceId").asText();
        return runtime.createProcessInstanceQuery().processDefinitionKey(BillingMonthProcess.ID)
                .superProcessInstanceId(orderInstance).orderByBusinessKey().asc().list();
    }

    /** What the job executor does at 00:00 in Japan after the closing date. */
    private void closingDatePasses(ProcessInstance month) {
        management.executeJob(management.createJobQuery().processInstanceId(month.getId())
                .activityId("Timer_ClosingDatePassed").singleResult().getId());
    }

    private long reportsOf(long order) {
        return jdbc.sql("SELECT count(*) FROM work_report r JOIN billing_month m ON m.id = r.billing_month_id "
                + "WHERE m.purchase_order_id = ?").param(order).query(Long.class).single();
    }
}
