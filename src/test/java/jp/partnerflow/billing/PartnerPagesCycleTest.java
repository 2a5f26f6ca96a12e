package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;

/**
 * A partner's month on their phone's pages, signed in through LINE Login: register work, create the
 * invoice from it, check it and send it; a returned invoice shows the reason and is fixed and sent
 * again; the payment notice is approved. Another partner's pages are refused at every step.
 */
class PartnerPagesCycleTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern INVOICE_EDIT = Pattern.compile("/partner/invoices/(\\d+)/edit$");

    @Test
    void workReportInvoiceReturnResendAndPaymentNoticeOnThePages() {
        String user = Api.newLineUserId();
        long partnerId = api.partner(api.company(true), user);
        long order = hourlyOrder(partnerId);
        approveOnLine(user, order);
        String month = billingMonthProcess(order);
        Browser phone = LineLoginFake.signIn(LINE, port, user, email(partnerId));
        String query = "?order=" + order + "&month=2026-12";

        // 稼動を登録する: checked again on the server
        assertThat(phone.get("/partner/work-reports" + query).html()).contains("この月の稼動はまだ登録されていません。");
        assertThat(phone.get("/partner/work-reports/new" + query).html()).contains("稼動を登録する", "2026年12月分");
        Browser.Page tooLong = phone.post("/partner/work-reports", Map.of("order", "" + order, "month", "2026-12",
                "workDate[0]", "2026-12-01", "hours[0]", "25", "content[0]", "障害対応"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html()).contains("1行目の「時間」：0より大きく24以下の数を入力してください。");
        Browser.Page outside = phone.post("/partner/work-reports", Map.of("order", "" + order, "month", "2026-12",
                "workDate[0]", "2027-01-05", "hours[0]", "8", "content[0]", "障害対応"));
        assertThat(outside.html()).contains("1行目の「日付」：対象月の期間内の日付を入力してください。");
        Browser.Page registered = phone.post("/partner/work-reports", Map.of("order", "" + order, "month", "2026-12",
                "workDate[0]", "2026-12-01", "hours[0]", "8", "content[0]", "障害対応",
                "workDate[1]", "2026-12-02", "hours[1]", "7.5", "content[1]", "調査報告"));
        assertThat(registered.location()).contains("/partner/work-reports" + query + "&registered");
        assertThat(phone.get("/partner/work-reports" + query + "&registered").html())
                .contains("稼動を登録しました。", "12月1日", "8時間", "障害対応", "7.5時間", "請求書を作成する");

        // 請求書を作成する → 入力 → 確認 → 送信
        assertThat(phone.get("/partner/invoices/new" + query).html()).contains("請求書を作成する");
        Browser.Page created = phone.post("/partner/invoices", Map.of("order", "" + order, "month", "2026-12"));
        Matcher edit = INVOICE_EDIT.matcher(created.location());
        assertThat(edit.find()).as(created.location()).isTrue();
        long invoice = Long.parseLong(edit.group(1));
        assertThat(phone.get("/partner/invoices/new" + query).location()).endsWith("/partner/invoices/" + invoice);
        assertThat(phone.get("/partner/invoices/" + invoice + "/edit").html())
                .contains("保守対応（2026年12月分）", "value=\"15.5\"", "value=\"6000\"", "T1234567890123");
        Map<String, String> form = Map.of("invoiceMonth", "2026-12", "registrationNumber", "T123",
                "lineContent[0]", "保守対応（2026年12月分）", "quantity[0]", "15.5", "unitPrice[0]", "6000",
                "taxRate[0]", "TEN_PERCENT", "expenseContent[0]", "交通費", "expenseAmount[0]", "2400");
        Browser.Page badNumber = phone.post("/partner/invoices/" + invoice, form);
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.html()).contains("「登録番号」：T と13桁の数字で入力してください。");
        Map<String, String> good = new java.util.HashMap<>(form);
        good.put("registrationNumber", "T1234567890123");
        assertThat(phone.post("/partner/invoices/" + invoice, good).location()).endsWith("/partner/invoices/" + invoice + "/check");
        Browser.Page check = phone.get("/partner/invoices/" + invoice + "/check");
        // 93,000 + 9,300 tax + 2,400 expenses = 104,700; 源泉 93,000 × 10.21 % = 9,495
        assertThat(check.html()).contains("請求書の確認", "2026年12月", "93,000円", "9,300円", "2,400円", "104,700円",
                "-9,495円", "95,205円");
        Browser.Page unconfirmed = phone.post("/partner/invoices/" + invoice + "/submit", Map.of("invoiceMonth", "2026-12"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.html()).contains("請求月を確認し、チェックを入れてから送信してください。");
        assertThat(status(invoice)).isEqualTo("DRAFT");
        Browser.Page sent = phone.post("/partner/invoices/" + invoice + "/submit",
                Map.of("invoiceMonth", "2026-12", "monthConfirmed", "yes"));
        assertThat(sent.html()).contains("請求書を送信しました");
        assertThat(status(invoice)).isEqualTo("SUBMITTED");
        assertThat(phone.get("/partner/invoices/" + invoice).html()).contains("確認中").doesNotContain("edit-invoice");

        // 差し戻し → the page shows the reason → fixed → sent again
        reviewMonth(month, "RETURN", "交通費の領収書を添付してください");
        Browser.Page returned = phone.get("/partner/invoices/" + invoice);
        assertThat(returned.html()).contains("差し戻し", "交通費の領収書を添付してください", "修正する");
        good.put("expenseAmount[0]", "2200");
        phone.get("/partner/invoices/" + invoice + "/edit");
        assertThat(phone.post("/partner/invoices/" + invoice, good).location()).endsWith("/check");
        assertThat(phone.get("/partner/invoices/" + invoice + "/check").html()).contains("104,500円");
        assertThat(phone.post("/partner/invoices/" + invoice + "/submit", Map.of("invoiceMonth", "2026-12",
                "monthConfirmed", "yes")).html()).contains("請求書を送信しました");
        reviewMonth(month, "APPROVE", null);

        // 支払通知書 → 承認
        long notice = await().atMost(PATIENCE).until(() -> api.get("/api/payment-notices?invoiceId=" + invoice),
                r -> r.status() == 200 && r.json().get("status").asText().equals("SENT")).json().get("id").asLong();
        Browser.Page page = phone.get("/partner/payment-notices/" + notice);
        assertThat(page.html()).contains("支払通知書", "ご確認待ち", "95,005円", "承認する", "差し戻す");
        // the deadline reads the same on the page as in the LINE message
        String deadline = jp.partnerflow.payment.ConfirmationDeadline.inJapanese(java.time.Instant.parse(
                api.get("/api/payment-notices/" + notice).json().get("versions").get(0).get("confirmationDeadline").asText()));
        assertThat(deadline).matches("\\d{4}年\\d{1,2}月\\d{1,2}日（.）まで");
        assertThat(page.html()).contains(deadline);
        await().atMost(PATIENCE).until(() -> pushTextsTo(user).stream().anyMatch(push -> push.contains("確認期限 " + deadline)));
        Browser.Page noReason = phone.post("/partner/payment-notices/" + notice + "/return", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.html()).contains("差し戻しの理由を入力してください");
        assertThat(phone.post("/partner/payment-notices/" + notice + "/approve", Map.of()).html())
                .contains("支払通知書を承認しました");
        assertThat(api.get("/api/payment-notices/" + notice).json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(phone.post("/partner/payment-notices/" + notice + "/approve", Map.of()).status()).isEqualTo(409);

        // the in-app list: every notice of the month, newest first, with its page
        assertThat(phone.get("/partner").html()).contains("支払通知書を確認してください", "請求書が差し戻されました",
                "業務報告が作成されました", "発注書を確認してください", "/partner/payment-notices/" + notice);
    }

    @Test
    void anotherPartnersWorkReportInvoiceAndPaymentNoticeAreRefusedOnThePages() {
        long company = api.company(true);
        PaymentNoticeSent theirs = paymentNoticeSent(company);
        String mine = Api.newLineUserId();
        long me = api.partner(company, mine);
        Browser phone = LineLoginFake.signIn(LINE, port, mine, email(me));
        phone.get("/partner/settings");
        String query = "?order=" + theirs.order() + "&month=2026-12";
        String invoice = "/partner/invoices/" + theirs.invoice();
        String notice = "/partner/payment-notices/" + theirs.notice();

        List<Browser.Page> attempts = List.of(phone.get("/partner/work-reports" + query),
                phone.get("/partner/work-reports/new" + query),
                phone.post("/partner/work-reports", Map.of("order", "" + theirs.order(), "month", "2026-12",
                        "workDate[0]", "2026-12-01", "hours[0]", "1", "content[0]", "x")),
                phone.get("/partner/invoices/new" + query),
                phone.post("/partner/invoices", Map.of("order", "" + theirs.order(), "month", "2026-12")),
                phone.get(invoice), phone.get(invoice + "/edit"), phone.get(invoice + "/check"),
                phone.post(invoice, Map.of("invoiceMonth", "2026-12", "lineContent[0]", "x", "quantity[0]", "1",
                        "unitPrice[0]", "1", "taxRate[0]", "TEN_PERCENT")),
                phone.post(invoice + "/submit", Map.of("invoiceMonth", "2026-12", "monthConfirmed", "yes")),
                phone.get(notice), phone.post(notice + "/approve", Map.of()),
                phone.post(notice + "/return", Map.of("reason", "違います")));

        assertThat(attempts).allSatisfy(page -> {
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.html()).contains("このページは表示できません").doesNotContain("299,370");
        });
        assertThat(api.get("/api/payment-notices/" + theirs.notice()).json().get("status").asText()).isEqualTo("SENT");
        assertThat(api.get("/api/invoices/" + theirs.invoice()).json().get("versions")).hasSize(1);
        assertThat(count("work_report w JOIN billing_month b ON b.id = w.billing_month_id WHERE b.purchase_order_id = "
                + theirs.order())).isZero();
        assertThat(phone.get("/partner").html()).doesNotContain("支払通知書を確認してください");
    }

    private long hourlyOrder(long partnerId) {
        return api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応と調査","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partnerId)).id();
    }

    private String status(long invoice) {
        return api.get("/api/invoices/" + invoice).json().get("status").asText();
    }

    private String email(long partnerId) {
        return api.get("/api/partners/" + partnerId).json().get("email").asText();
    }

}
