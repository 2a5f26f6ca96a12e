package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.Desk;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webapp;

/**
 * 経理 verifies an invoice from 「請求書を確認する」 in Tasklist alone: the task tells the case in the
 * list and is due in two days; its form has the lines, the 登録番号, the 立替経費, the month's work
 * report and a link that opens the attached report for a signed-in staff member of the company; a
 * resubmitted invoice shows the earlier return with its reason, reviewer, time and what changed.
 * Each group finds its tasks under its own Japanese filter.
 */
class InvoiceReviewInTasklistTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path SHOTS = Path.of("target/browser");
    private static final byte[] PDF = "%PDF-1.4\n% 稼動報告書\n".getBytes(StandardCharsets.UTF_8);

    /** An hourly December order with its work report, and its invoice (two lines, an expense, a report) sent. */
    private record Sent(long company, Api partner, String month, long invoice, long report, String number) {
    }

    private Sent invoiceSent() {
        long company = api.company(true);
        String user = Api.newLineUserId();
        long partnerId = api.partner(company, user);
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応と調査","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partnerId)).id();
        approveOnLine(user, order);
        String month = billingMonthProcess(order);
        Api partner = api.asPartner(partnerId);
        assertThat(partner.post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"2026-12","entries":[
                  {"workDate":"2026-12-01","hours":8,"content":"障害対応"},
                  {"workDate":"2026-12-02","hours":7.5,"content":"調査報告"}]}""".formatted(order)).status()).isEqualTo(201);
        long invoice = partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)).id();
        long report = partner.upload("/api/me/attachments", "稼動報告書.pdf", "application/pdf", PDF).id();
        assertThat(partner.put("/api/me/invoices/" + invoice, form(report, 1200)).status()).isEqualTo(200);
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(200);
        return new Sent(company, partner, month, invoice, report, api.get("/api/invoices/" + invoice).json().get("number").asText());
    }

    /** The partner fixes the expense and sends the invoice again. */
    private void resent(Sent sent) {
        assertThat(sent.partner().put("/api/me/invoices/" + sent.invoice(), form(sent.report(), 980)).status()).isEqualTo(200);
        assertThat(sent.partner().post("/api/me/invoices/" + sent.invoice() + "/submit", "{\"invoiceMonth\":\"2026-12\"}")
                .status()).isEqualTo(200);
    }

    private JsonNode reviewTask(Api staff, String month) {
        return await().atMost(PATIENCE).until(() -> staff.get("/engine-rest/task?processInstanceId=" + month).json(),
                t -> t.size() == 1).get(0);
    }

    @Test
    void theReviewTaskShowsTheWholeInvoiceAndAfterAReturnTheEarlierRound() {
        Sent sent = invoiceSent();
        long company = sent.company();
        String month = sent.month();
        long invoice = sent.invoice();
        String number = sent.number();

        // the accounting group's member of this company, signed in to Tasklist
        Api keiri = staffOf(company, StaffGroups.ACCOUNTING);
        Webapp tasklist = new Webapp(port);
        assertThat(tasklist.login("tasklist", keiri.user(), STAFF_PASSWORD)).isEqualTo(200);
        JsonNode task = reviewTask(keiri, month);
        assertThat(task.get("name").asText()).isEqualTo("請求書を確認する " + number + " 山田 太郎 106,999円");
        assertThat(task.get("description").asText()).startsWith("山田 太郎 さんの2026年12月分の請求書（第1版、請求金額 106,999円）");
        assertThat(Duration.between(OffsetDateTime.parse(task.get("created").asText().replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2")),
                OffsetDateTime.parse(task.get("due").asText().replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2"))).toMinutes())
                .as("due two days after it arrived (camunda:dueDate P2D)").isEqualTo(Duration.ofDays(2).toMinutes());

        // as Tasklist reads them: the tables' rows are Json variables, given serialized
        JsonNode shown = tasklist.engine("/task/" + task.get("id").asText() + "/form-variables?deserializeValues=false").json();
        assertThat(text(shown, "registrationNumber")).isEqualTo("T1234567890123");
        assertThat(shown.get("lines").get("type").asText()).isEqualTo("Json");
        assertThat(text(shown, "lines")).contains("保守対応（2026年12月分）", "15.5", "6,000", "10%", "93,000", "打ち合わせ用 弁当", "8%");
        assertThat(text(shown, "expenseLines")).contains("交通費", "1,200");
        assertThat(text(shown, "workDays")).contains("12月1日(火)", "障害対応", "7.5", "調査報告");
        assertThat(text(shown, "workSummary")).isEqualTo("稼動 2 日・合計 15.5 時間");
        assertThat(text(shown, "reportLink")).isEqualTo("[添付の報告書を開く（稼動報告書.pdf）](/staff/invoices/" + invoice + "/report)");
        assertThat(shown.get("hasEarlierRounds").get("value").asBoolean()).isFalse();

        // the link opens the report in the browser for the signed-in member of the company, and no one else
        Api.Response opened = tasklist.site("/staff/invoices/" + invoice + "/report");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.contentType()).isEqualTo("application/pdf");
        assertThat(opened.text()).startsWith("%PDF-1.4");
        assertThat(new Webapp(port).site("/staff/invoices/" + invoice + "/report").status()).as("not signed in").isEqualTo(302);
        Webapp otherCompany = new Webapp(port);
        otherCompany.login("tasklist", staffOf(api.company(true), StaffGroups.ACCOUNTING).user(), STAFF_PASSWORD);
        assertThat(otherCompany.site("/staff/invoices/" + invoice + "/report").status()).isEqualTo(404);
        Webapp ordering = new Webapp(port);
        ordering.login("tasklist", staffOf(company, StaffGroups.ORDERING).user(), STAFF_PASSWORD);
        assertThat(ordering.site("/staff/invoices/" + invoice + "/report").status()).isEqualTo(403);

        // 経理's own filter lists it; the ordering group's filter is not theirs
        JsonNode filters = tasklist.engine("/filter?resourceType=Task").json();
        assertThat(filters.findValuesAsText("name")).contains("経理：請求書の確認").doesNotContain("発注担当：辞退された発注書");
        String mine = filterId(filters, "経理：請求書の確認");
        assertThat(tasklist.engine("/filter/" + mine + "/list").json().findValuesAsText("id")).contains(task.get("id").asText());

        // returned with a reason; the partner fixes the expense and resends: the new task shows the earlier round
        assertThat(tasklist.enginePost("/task/" + task.get("id").asText() + "/submit-form", """
                {"variables":{"review":{"value":"RETURN","type":"String"},
                              "returnReason":{"value":"交通費の領収書を添付してください","type":"String"}}}""").status())
                .isEqualTo(204);
        // Tasklist's History tab: who completed it
        assertThat(tasklist.engine("/history/user-operation?taskId=" + task.get("id").asText()).json()
                .findValuesAsText("userId")).contains(keiri.user());
        resent(sent);
        JsonNode second = reviewTask(keiri, month);
        JsonNode again = tasklist.engine("/task/" + second.get("id").asText() + "/form-variables?deserializeValues=false").json();
        assertThat(text(again, "invoiceNumber")).isEqualTo(number + "（第2版）");
        assertThat(again.get("hasEarlierRounds").get("value").asBoolean()).isTrue();
        assertThat(text(again, "earlierRounds")).contains("第1版", "交通費の領収書を添付してください", keiri.user(),
                "立替経費1行目 交通費 1,200円 → 交通費 980円", "請求金額 106,999円 → 106,779円");
    }

    /**
     * The same in a browser: an accounting member signs in to Tasklist, finds the task under their
     * filter with its case in the name, opens it and sees the lines, the 登録番号 and the report link,
     * returns it with a reason; after the partner resends, the new task shows the earlier round.
     * Screenshots under target/browser/.
     */
    @Test
    @Tag("slow")
    void anAccountingMemberReviewsInTasklistInTheBrowser() {
        Sent sent = invoiceSent();
        Api keiri = staffOf(sent.company(), StaffGroups.ACCOUNTING);
        JsonNode task = reviewTask(keiri, sent.month());
        try (Desk desk = new Desk(port)) {
            desk.open("/camunda/app/tasklist/default/");
            desk.type(By.cssSelector("input[ng-model='username']"), keiri.user())
                    .type(By.cssSelector("input[type='password'][ng-model='password']"), STAFF_PASSWORD)
                    .click(By.cssSelector("form button[type='submit']"));
            desk.awaitText("経理：請求書の確認").awaitText(sent.number());
            desk.screenshot(SHOTS.resolve("tasklist-1-list.png"));
            assertThat(desk.text()).contains("請求書を確認する " + sent.number() + " 山田 太郎 106,999円")
                    .doesNotContain("発注担当：辞退された発注書");

            desk.open("/camunda/app/tasklist/default/#/?task=" + task.get("id").asText());
            desk.awaitText("保守対応（2026年12月分）");
            assertThat(desk.text()).contains("請求書 " + sent.number(), "登録番号 T1234567890123", "93,000", "打ち合わせ用 弁当",
                    "交通費", "1,200", "稼動 2 日・合計 15.5 時間", "障害対応", "添付の報告書を開く（稼動報告書.pdf）");
            assertThat(desk.href(By.partialLinkText("添付の報告書を開く"))).endsWith("/staff/invoices/" + sent.invoice() + "/report");
            desk.screenshot(SHOTS.resolve("tasklist-2-review.png"));

            desk.click(By.xpath("//button[normalize-space(.)='Claim']"));
            desk.choose(By.xpath("//label[contains(normalize-space(.), '差し戻す')]"));
            desk.type(By.cssSelector("textarea"), "交通費の領収書を添付してください");
            desk.screenshot(SHOTS.resolve("tasklist-3-return.png"));
            desk.click(By.xpath("//button[normalize-space(.)='Complete']"));
            await().atMost(PATIENCE).until(() -> api.get("/api/invoices/" + sent.invoice()).json().get("status").asText()
                    .equals("RETURNED"));

            resent(sent);
            JsonNode second = reviewTask(keiri, sent.month());
            desk.open("/camunda/app/tasklist/default/#/?task=" + second.get("id").asText());
            desk.awaitText("これまでの差し戻し");
            assertThat(desk.text()).contains("第1版", "交通費の領収書を添付してください", keiri.user(),
                    "立替経費1行目 交通費 1,200円 → 交通費 980円");
            desk.screenshot(SHOTS.resolve("tasklist-4-second-round.png"));
        }
    }

    /** A form variable as text (a Json one, the tables' rows, as its JSON). */
    private static String text(JsonNode formVariables, String name) {
        JsonNode value = formVariables.get(name).get("value");
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                return filter.get("id").asText();
            }
        }
        throw new AssertionError("no filter " + name);
    }

    private static String form(long attachmentId, long travel) {
        return """
                {"invoiceMonth":"2026-12","registrationNumber":"T1234567890123","attachmentId":%d,
                 "lines":[{"content":"保守対応（2026年12月分）","quantity":15.5,"unitPrice":6000,"taxRate":"TEN_PERCENT"},
                          {"content":"打ち合わせ用 弁当","quantity":3,"unitPrice":1080,"taxRate":"EIGHT_PERCENT"}],
                 "expenses":[{"content":"交通費","amount":%d}]}""".formatted(attachmentId, travel);
    }
}
