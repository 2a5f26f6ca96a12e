package jp.partnerflow.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.platform.CompanyTenants;
import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * Two companies' month ends at once, on one service: each company's reminders go to its own
 * partners, its invoices to its own accounting staff for review, and its payment notices back to
 * its own partners.
 */
class TwoCompaniesMonthEndTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ManagementService management;

    record Side(long company, String lineUser, long partner, long order, String orderNumber, String month, Api accounting) {
    }

    @Test
    void eachCompanysMonthEndReachesItsOwnPartnersAndStaffOnly() {
        Side a = side();
        Side b = side();

        // the day after the closing date, for both companies at the same moment
        List<Job> reminders = List.of(timer(a), timer(b));
        reminders.forEach(job -> management.setJobDuedate(job.getId(), new Date()));
        await().atMost(PATIENCE).until(() -> reminders(a).size() == 1 && reminders(b).size() == 1);
        assertThat(reminders(a).get(0)).contains(a.orderNumber()).doesNotContain(b.orderNumber());
        assertThat(reminders(b).get(0)).contains(b.orderNumber()).doesNotContain(a.orderNumber());
        assertThat(reminders.stream().map(Job::getTenantId))
                .containsExactly(CompanyTenants.of(a.company()), CompanyTenants.of(b.company()));

        // both partners send their invoices; each company's accounting sees its own
        long invoiceOfA = sendInvoice(a);
        long invoiceOfB = sendInvoice(b);
        String tasks = "/engine-rest/task?processInstanceIdIn=" + a.month() + "," + b.month();
        JsonNode seenByA = await().atMost(PATIENCE).until(() -> a.accounting().get(tasks).json(), t -> t.size() == 1);
        JsonNode seenByB = await().atMost(PATIENCE).until(() -> b.accounting().get(tasks).json(), t -> t.size() == 1);
        assertThat(seenByA.get(0).get("processInstanceId").asText()).isEqualTo(a.month());
        assertThat(seenByB.get(0).get("processInstanceId").asText()).isEqualTo(b.month());
        assertThat(a.accounting().get("/api/invoices/" + invoiceOfB).status()).isEqualTo(404);

        // each approves its own: the payment notices go to their own partners
        for (Side side : List.of(a, b)) {
            JsonNode task = side.accounting().get(tasks).json().get(0);
            assertThat(side.accounting().post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
                    "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        }
        await().atMost(PATIENCE).until(() -> notices(a).size() == 1 && notices(b).size() == 1);
        assertThat(api.get("/api/payment-notices?invoiceId=" + invoiceOfA).json().get("partnerId").asLong()).isEqualTo(a.partner());
        assertThat(api.get("/api/payment-notices?invoiceId=" + invoiceOfB).json().get("partnerId").asLong()).isEqualTo(b.partner());
        assertThat(pushTextsTo(a.lineUser())).noneMatch(push -> push.contains(b.orderNumber()));
        assertThat(pushTextsTo(b.lineUser())).noneMatch(push -> push.contains(a.orderNumber()));
    }

    /** A company with a LINE-linked partner whose December order is approved, and an accounting user of its own. */
    private Side side() {
        long company = api.company(true);
        String user = Api.newLineUserId();
        long partner = api.partner(company, user);
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"Webサイト保守","workContent":"月次保守","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":300000,"taxRate":"TEN_PERCENT"}""".formatted(partner)).id();
        approveOnLine(user, order);
        String month = billingMonthProcess(order);
        return new Side(company, user, partner, order, api.get("/api/orders/" + order).json().get("number").asText(),
                month, staffOf(company, StaffGroups.ACCOUNTING));
    }

    private Job timer(Side side) {
        return management.createJobQuery().processInstanceId(side.month()).activityId("Timer_DayAfterClosing").singleResult();
    }

    private long sendInvoice(Side side) {
        Api partner = api.asPartner(side.partner());
        long invoice = partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(side.order())).id();
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        return invoice;
    }

    private static List<String> reminders(Side side) {
        return pushTextsTo(side.lineUser()).stream().filter(text -> text.contains("請求書を作成してください")).toList();
    }

    private static List<String> notices(Side side) {
        return pushTextsTo(side.lineUser()).stream().filter(text -> text.contains("支払通知書を確認してください")).toList();
    }
}
