package jp.partnerflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webapp;

/**
 * Staff read what happened to an order after the fact (Cockpit CE shows no history of a finished
 * instance): a Japanese page, for staff of the order's company signed in to Tasklist, with the
 * order, the invoice's versions and reviews, the payment notice's versions and events, who and when.
 */
class OrderHistoryPageTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void anOrdersStoryWithWhoAndWhenForItsOwnCompanysStaffOnly() {
        long company = api.company(true);
        InvoiceInReview review = invoiceInReview(company, 300_000);
        assertThat(api.post("/engine-rest/task/" + review.task() + "/submit-form", """
                {"variables":{"review":{"value":"RETURN","type":"String"},
                              "returnReason":{"value":"登録番号を確認してください","type":"String"}}}""").status())
                .isEqualTo(204);
        Api partner = api.asPartner(review.partnerId());
        assertThat(partner.put("/api/me/invoices/" + review.invoice(), """
                {"invoiceMonth":"2026-12","registrationNumber":"T1234567890123",
                 "lines":[{"content":"Webサイト保守（2026年12月分）","quantity":1,"unitPrice":300000,"taxRate":"TEN_PERCENT"}]}""")
                .status()).isEqualTo(200);
        assertThat(partner.post("/api/me/invoices/" + review.invoice() + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        String second = await().atMost(PATIENCE).until(() -> api.get("/engine-rest/task?processInstanceId=" + review.month())
                .json(), t -> t.size() == 1).get(0).get("id").asText();
        assertThat(api.post("/engine-rest/task/" + second + "/submit-form",
                "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}").status()).isEqualTo(204);
        long notice = await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices?invoiceId=" + review.invoice()),
                r -> r.status() == 200 && r.json().get("status").asText().equals("SENT")).json().get("id").asLong();
        postback(review.user(), "action=confirm-approve-payment-notice&notice=" + notice);
        await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices/" + notice).json().get("status").asText()
                .equals("APPROVED"));
        String orderNumber = api.get("/api/orders/" + review.order()).json().get("number").asText();
        String invoiceNumber = api.get("/api/invoices/" + review.invoice()).json().get("number").asText();
        String noticeNumber = api.get("/api/payment-notices/" + notice).json().get("number").asText();

        Api keiri = staffOf(company, StaffGroups.ACCOUNTING);
        Webapp tasklist = new Webapp(port);
        assertThat(tasklist.login("tasklist", keiri.user(), STAFF_PASSWORD)).isEqualTo(200);
        Api.Response page = tasklist.site("/staff/orders/" + review.order() + "/history");
        assertThat(page.status()).isEqualTo(200);
        String html = page.text();
        assertThat(html).contains("<span>" + orderNumber + "</span> の履歴", "山田 太郎",
                "発行（第1版）", ">承認<",
                "請求書 " + invoiceNumber, "第1版を提出", "第1版を差し戻し", "登録番号を確認してください", "第2版を提出", "第2版を承認",
                "支払通知書 " + noticeNumber, "第1版を送付", "お支払額");
        // in time order: the return comes before the approval, the approval before the notice
        assertThat(html.indexOf("第1版を差し戻し")).isLessThan(html.indexOf("第2版を承認"));
        assertThat(html.indexOf("第2版を承認")).isLessThan(html.indexOf("第1版を送付"));
        assertThat(html).contains(api.user()); // who reviewed (the engine REST user here)

        // found by any of its numbers
        assertThat(tasklist.site("/staff/history?number=" + invoiceNumber).status()).isEqualTo(302);
        assertThat(tasklist.site("/staff/history?number=" + noticeNumber).status()).isEqualTo(302);
        assertThat(tasklist.site("/staff/history?number=PO-000000-00000").status()).isEqualTo(404);

        // another company's staff find nothing; a user of no staff group may not look; nobody signed in goes to Tasklist
        Webapp other = new Webapp(port);
        other.login("tasklist", staffOf(api.company(true), StaffGroups.ACCOUNTING).user(), STAFF_PASSWORD);
        assertThat(other.site("/staff/orders/" + review.order() + "/history").status()).isEqualTo(404);
        assertThat(other.site("/staff/history?number=" + invoiceNumber).status()).isEqualTo(404);
        Webapp ordering = new Webapp(port);
        ordering.login("tasklist", staffOf(company, StaffGroups.ORDERING).user(), STAFF_PASSWORD);
        assertThat(ordering.site("/staff/orders/" + review.order() + "/history").status()).isEqualTo(200);
        Webapp owner = new Webapp(port);
        owner.login("tasklist", staffOf(company, StaffGroups.PROCESS_OWNERS).user(), STAFF_PASSWORD);
        assertThat(owner.site("/staff/orders/" + review.order() + "/history").status()).isEqualTo(403);
        assertThat(new Webapp(port).site("/staff/orders/" + review.order() + "/history").status()).isEqualTo(302);
    }
}
