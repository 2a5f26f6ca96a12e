package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * A billing month on PostgreSQL with LINE faked at the wire level, as the partner and staff live it:
 * the partner registers work, is reminded after the closing date, writes the invoice from the work
 * report, checks and sends it; staff return it in the Tasklist form with a reason, the partner fixes
 * and resends it, staff approve it.
 */
class InvoiceFeatureTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final byte[] PDF = "%PDF-1.4\n% 稼動報告書\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ManagementService management;

    @Test
    void aMonthFromApprovedOrderToApprovedInvoiceWithTheNoticesInOrder() {
        String user = Api.newLineUserId();
        long partnerId = api.partner(api.company(true), user);
        long order = hourlyOrder(partnerId);
        approveOnLine(user, order);
        String month = billingMonthProcess(order);
        Api partner = api.asPartner(partnerId);

        // 稼動を登録する
        assertThat(partner.post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"2026-12","entries":[
                  {"workDate":"2026-12-01","hours":8,"content":"障害対応"},
                  {"workDate":"2026-12-02","hours":7.5,"content":"調査報告"}]}""".formatted(order)).status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 2);

        // the day after the closing date, no invoice yet
        management.executeJob(timer(month, "Timer_DayAfterClosing").getId());
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 3);

        // 請求書を作成する: filled in from the work report
        Api.Response created = partner.post("/api/me/invoices", """
                {"orderId":%d,"billingMonth":"2026-12"}""".formatted(order));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long invoice = created.id();
        JsonNode draft = created.json();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("invoiceMonth").asText()).isEqualTo("2026-12");
        assertThat(draft.get("registrationNumber").asText()).isEqualTo("T1234567890123");
        assertThat(draft.get("lines").get(0).get("content").asText()).isEqualTo("保守対応（2026年12月分）");
        assertThat(draft.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15.5");
        assertThat(draft.get("lines").get(0).get("amount").asLong()).isEqualTo(93_000);

        Api.Response attached = partner.upload("/api/me/attachments", "稼動報告書.pdf", "application/pdf", PDF);
        assertThat(attached.status()).as(attached.text()).isEqualTo(201);
        assertThat(attached.json().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attached.text()).doesNotContain("content\"");

        Api.Response edited = partner.put("/api/me/invoices/" + invoice, invoiceForm("2026-12", attached.id(), 2400));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);

        // 確認画面: 10 % 93,000 → 9,300; 8 % 3,240 → 259 (259.2 dropped once); 源泉 96,240 × 10.21 % = 9,826
        JsonNode check = partner.get("/api/me/invoices/" + invoice).json();
        JsonNode amounts = check.get("amounts");
        assertThat(amounts.get("rates").findValuesAsText("tax")).containsExactly("9300", "259");
        assertThat(amounts.get("subtotal").asLong()).isEqualTo(96_240);
        assertThat(amounts.get("tax").asLong()).isEqualTo(9_559);
        assertThat(amounts.get("expenses").asLong()).isEqualTo(2_400);
        assertThat(amounts.get("total").asLong()).isEqualTo(108_199);
        assertThat(amounts.get("withholding").asLong()).isEqualTo(9_826);
        assertThat(amounts.get("amountToPay").asLong()).isEqualTo(98_373);
        assertThat(check.get("attachment").get("fileName").asText()).isEqualTo("稼動報告書.pdf");

        // 送信: the month shown must be the month confirmed
        assertInvalid(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2027-01\"}"), "invoiceMonth");
        assertThat(status(invoice)).isEqualTo("DRAFT");
        Api.Response sent = partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}");
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("message").asText()).isEqualTo("請求書を送信しました");
        assertThat(status(invoice)).isEqualTo("SUBMITTED");
        // in: no second reminder, no second sending, no change during review
        assertThat(timer(month, "Timer_TwoDaysAfterClosing")).isNull();
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2026-12\"}").status())
                .isEqualTo(409);
        assertThat(partner.put("/api/me/invoices/" + invoice, invoiceForm("2026-12", null, 1)).status()).isEqualTo(409);

        // 請求書を確認する: the accounting group's task shows the summary; a return needs a reason
        String task = reviewTask(month);
        JsonNode form = api.get("/engine-rest/task/" + task + "/form-variables").json();
        assertThat(form.get("invoiceTotal").get("value").asText()).isEqualTo("108,199");
        assertThat(form.get("amountToPay").get("value").asText()).isEqualTo("98,373");
        assertThat(form.get("billingMonth").get("value").asText()).isEqualTo("2026年12月分");
        // the form Tasklist renders says the month once (it read 「2026年12月分 分」)
        assertThat(api.get("/engine-rest/task/" + task + "/deployed-form").text()).contains("さん・{{billingMonth}}")
                .doesNotContain("{{billingMonth}} 分");
        Api.Response noReason = review(task, "RETURN", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("returnReason");
        // completed instead of submitted: the same refusal
        Api.Response completed = api.post("/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"review\":{\"value\":\"RETURN\",\"type\":\"String\"}}}");
        assertThat(completed.status()).isEqualTo(400);
        assertThat(completed.json().get("message").asText()).contains("returnReason");
        assertThat(status(invoice)).isEqualTo("SUBMITTED");
        assertThat(review(task, "RETURN", "交通費の領収書を添付してください").status()).isEqualTo(204);

        // 差し戻し → fixed → resent → approved
        assertThat(status(invoice)).isEqualTo("RETURNED");
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 4);
        assertThat(partner.put("/api/me/invoices/" + invoice, invoiceForm("2027-01", attached.id(), 2200)).status())
                .isEqualTo(200);
        assertThat(partner.post("/api/me/invoices/" + invoice + "/submit", "{\"invoiceMonth\":\"2027-01\"}").status())
                .isEqualTo(200);
        String second = reviewTask(month);
        assertThat(api.get("/engine-rest/task/" + second + "/form-variables").json().get("invoiceTotal").get("value")
                .asText()).isEqualTo("107,999");
        assertThat(review(second, "APPROVE", null).status()).isEqualTo(204);

        JsonNode approved = api.get("/api/invoices/" + invoice).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("versions").findValuesAsText("version")).containsExactly("1", "2");
        assertThat(approved.get("versions").findValuesAsText("total")).containsExactly("108199", "107999");
        assertThat(approved.get("reviews").findValuesAsText("decision")).containsExactly("RETURN", "APPROVE");
        assertThat(approved.get("reviews").findValuesAsText("version")).containsExactly("1", "2");
        assertThat(approved.get("reviews").findValuesAsText("reviewer")).containsExactly(STAFF_USER, STAFF_USER);
        assertThat(approved.get("reviews").get(0).get("reason").asText()).isEqualTo("交通費の領収書を添付してください");
        assertThat(partner.put("/api/me/invoices/" + invoice, invoiceForm("2027-01", null, 1)).status()).isEqualTo(409);
        Api.Response file = api.get("/api/invoices/" + invoice + "/attachment");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("application/pdf");

        // every notice of the month, in order, each once; approval hands over to the payment notice
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 5);
        assertThat(api.get("/engine-rest/process-instance/" + month).status()).isEqualTo(404);
        List<String> pushes = pushTextsTo(user);
        assertThat(pushes).hasSize(5);
        assertThat(pushes.get(0)).contains("発注書を確認してください");
        assertThat(pushes.get(1)).contains("業務報告が作成されました", "2026年12月分");
        assertThat(pushes.get(2)).contains("請求書を作成してください", "2026年12月分（締め日 12月31日）");
        assertThat(pushes.get(3)).contains("請求書が差し戻されました", "理由：交通費の領収書を添付してください", "請求書を修正する",
                "/partner/invoices/" + invoice);
        assertThat(pushes.get(4)).contains("支払通知書を確認してください", "お支払額 98,173円");
    }

    @Test
    void badInvoicesAreRefusedNamingTheProblemAndNothingChanges() {
        String user = Api.newLineUserId();
        long partnerId = api.partner(api.company(true), user);
        long order = hourlyOrder(partnerId);
        approveOnLine(user, order);
        Api partner = api.asPartner(partnerId);

        // an hourly month without a work report, a month that is not open
        assertInvalid(partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)),
                "billingMonth");
        assertInvalid(partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2027-02\"}".formatted(order)),
                "billingMonth");
        partner.post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"2026-12","entries":[{"workDate":"2026-12-01","hours":8,"content":"障害対応"}]}"""
                .formatted(order));
        long invoice = partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)).id();
        assertThat(partner.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)).status())
                .isEqualTo(409);
        String before = partner.get("/api/me/invoices/" + invoice).text();

        String path = "/api/me/invoices/" + invoice;
        assertInvalid(partner.put(path, line("-1", "6000", "TEN_PERCENT")), "lines[0].quantity");
        assertInvalid(partner.put(path, line("1.005", "6000", "TEN_PERCENT")), "lines[0].quantity");
        assertInvalid(partner.put(path, line("1", "-5", "TEN_PERCENT")), "lines[0].unitPrice");
        Api.Response unknownRate = partner.put(path, line("1", "6000", "FIVE_PERCENT"));
        assertInvalid(unknownRate, "lines[0].taxRate");
        assertThat(unknownRate.text()).contains("must be one of TEN_PERCENT, EIGHT_PERCENT, NON_TAXABLE");
        assertInvalid(partner.put(path, """
                {"invoiceMonth":"2026-12","registrationNumber":"T123","lines":[
                  {"content":"保守","quantity":1,"unitPrice":6000,"taxRate":"TEN_PERCENT"}]}"""), "registrationNumber");
        assertInvalid(partner.put(path, """
                {"invoiceMonth":"2026-12","lines":[{"content":"保守","quantity":1,"unitPrice":6000,"taxRate":"TEN_PERCENT"}],
                 "expenses":[{"content":"交通費","amount":-100}]}"""), "expenses[0].amount");
        assertInvalid(partner.put(path, """
                {"invoiceMonth":"2026-10","lines":[{"content":"保守","quantity":1,"unitPrice":6000,"taxRate":"TEN_PERCENT"}]}"""),
                "invoiceMonth");
        assertInvalid(partner.put(path, "{\"invoiceMonth\":\"2026-12\",\"lines\":[]}"), "lines");

        // files: not a PDF or image (whatever its name says), too large
        assertInvalid(partner.upload("/api/me/attachments", "report.pdf", "application/pdf",
                "MZ this is a program".getBytes(StandardCharsets.UTF_8)), "file");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
        assertInvalid(partner.upload("/api/me/attachments", "big.pdf", "application/pdf", tooLarge), "file");
        assertThat(count("invoice_attachment WHERE partner_id = " + partnerId)).isZero();

        // another partner: neither read, change, send, nor attach someone else's file
        long otherId = api.partner(api.company(true), Api.newLineUserId());
        Api other = api.asPartner(otherId);
        long othersFile = other.upload("/api/me/attachments", "r.pdf", "application/pdf", PDF).id();
        for (Api.Response refused : List.of(other.get(path), other.put(path, line("1", "1", "TEN_PERCENT")),
                other.post(path + "/submit", "{\"invoiceMonth\":\"2026-12\"}"),
                other.post("/api/me/invoices", "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)))) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        Api.Response notMine = partner.put(path, """
                {"invoiceMonth":"2026-12","attachmentId":%d,"lines":[
                  {"content":"保守","quantity":1,"unitPrice":6000,"taxRate":"TEN_PERCENT"}]}""".formatted(othersFile));
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(notMine.json().get("detail").asText()).isEqualTo("attachment " + othersFile + " belongs to another partner");

        assertThat(partner.get("/api/me/invoices/" + invoice).text()).isEqualTo(before);
        assertThat(status(invoice)).isEqualTo("DRAFT");
    }

    private long hourlyOrder(long partnerId) {
        return api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応と調査","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partnerId)).id();
    }

    private static String invoiceForm(String invoiceMonth, Long attachmentId, long travel) {
        return """
                {"invoiceMonth":"%s","registrationNumber":"T1234567890123","attachmentId":%s,
                 "lines":[{"content":"保守対応（2026年12月分）","quantity":15.5,"unitPrice":6000,"taxRate":"TEN_PERCENT"},
                          {"content":"打ち合わせ用 弁当","quantity":3,"unitPrice":1080,"taxRate":"EIGHT_PERCENT"}],
                 "expenses":[{"content":"交通費","amount":%d}]}""".formatted(invoiceMonth, attachmentId, travel);
    }

    private static String line(String quantity, String unitPrice, String taxRate) {
        return """
                {"invoiceMonth":"2026-12","lines":[{"content":"保守","quantity":%s,"unitPrice":%s,"taxRate":"%s"}]}"""
                .formatted(quantity, unitPrice, taxRate);
    }

    private String status(long invoice) {
        return api.get("/api/invoices/" + invoice).json().get("status").asText();
    }

    private Job timer(String processInstance, String activityId) {
        return management.createJobQuery().processInstanceId(processInstance).activityId(activityId).singleResult();
    }

    /** The one review task of the month, offered to the accounting group. */
    private String reviewTask(String processInstance) {
        JsonNode tasks = api.get("/engine-rest/task?candidateGroup=accounting&processInstanceId=" + processInstance).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("name").asText()).matches("請求書を確認する INV-\\d{6}-\\d{5} 山田 太郎 [0-9,]+円");
        return tasks.get(0).get("id").asText();
    }

    /** Staff submit the Tasklist form. */
    private Api.Response review(String task, String decision, String reason) {
        return api.post("/engine-rest/task/" + task + "/submit-form", """
                {"variables":{"review":{"value":"%s","type":"String"}%s}}""".formatted(decision,
                reason == null ? "" : ",\"returnReason\":{\"value\":\"%s\",\"type\":\"String\"}".formatted(reason)));
    }
}
