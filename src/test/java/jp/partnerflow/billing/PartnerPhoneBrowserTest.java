package jp.partnerflow.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;
import jp.partnerflow.support.Phone;

/**
 * A partner on a phone (headless Chromium, 375 px wide): registers through the fake LINE Login (its
 * consent screen is a page of the fake LINE), enters basic info and bank account, approves the order
 * after the final confirmation, registers work and sends the invoice — checking on each page what it
 * says, and that it fits the phone's width. Screenshots go to target/browser/.
 */
@Tag("slow")
class PartnerPhoneBrowserTest extends FeatureTest {
    private static final Path SHOTS = Path.of("target/browser");

    @Test
    void fromRegistrationToASentInvoiceOnAPhone() {
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        String email = api.get("/api/partners/" + partnerId).json().get("email").asText();
        long order = api.order(partnerId);
        String code = "browser-" + UUID.randomUUID();
        LineLoginFake.friendship(LINE);
        // LINE's consent screen: 「許可する」 sends the phone back to the service with a code (to this test's
        // port: the redirect_uri names the configured public URL)
        LINE.stubFor(get(urlPathEqualTo("/oauth2/v2.1/authorize")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withTransformers("response-template")
                .withBody("<html><body><p>partnerflow がアクセスを求めています</p><a id=\"allow\" href=\""
                        + "http://localhost:" + port + "/partner/line/callback?code=" + code
                        + "&state={{request.query.state}}\">許可する</a></body></html>")));

        try (Phone phone = new Phone(port)) {
            assertThat(phone.open("/partner/register/" + partnerId).viewportWidth()).isEqualTo(375);
            assertThat(phone.text()).contains("ユーザー登録", "利用規約に同意する", "プライバシーポリシーに同意する",
                    "下請取引における電磁的記録の提供について同意する");
            assertThat(phone.fitsWidth()).isTrue();
            phone.screenshot(SHOTS.resolve("1-register.png"));
            phone.tick("input[value=TERMS_OF_USE]").tick("input[value=PRIVACY_POLICY]")
                    .tick("input[value=ELECTRONIC_DOCUMENTS]").tap("line-register");
            assertThat(phone.text()).contains("許可する");
            LineLoginFake.tokenFor(LINE, code, LineLoginFake.idToken("Ubrowser" + partnerId, email, nonce(),
                    LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
            phone.tap("allow");

            // 基本情報 → 口座情報 → 登録完了
            assertThat(phone.title()).startsWith("基本情報");
            phone.type("postalCode", "150-0001").type("address", "東京都渋谷区神宮前1-1").type("phone", "090-1234-5678")
                    .tap("save");
            assertThat(phone.title()).startsWith("口座情報");
            assertThat(phone.fitsWidth()).isTrue();
            phone.type("name", "みずほ銀行").type("branch", "渋谷支店").type("accountNumber", "7654321")
                    .type("accountHolder", "サトウ ハナコ").tap("save");
            assertThat(phone.text()).contains("ユーザー登録が完了しました");

            // 発注書 → 承認する → 最終確認 → 承認
            phone.open("/partner/orders/" + order);
            assertThat(phone.text()).contains("Webサイト改修", "確認待ち", "300,000円（税抜）", "承認する", "辞退する");
            assertThat(phone.fitsWidth()).isTrue();
            phone.screenshot(SHOTS.resolve("2-order.png"));
            phone.tap("approve");
            assertThat(phone.text()).contains("最終確認", "を承認します。よろしいですか？");
            phone.tap("confirm");
            assertThat(phone.text()).contains("発注書を承認しました");
            await().atMost(Duration.ofSeconds(20)).until(() -> count("billing_month WHERE purchase_order_id = " + order) >= 1);

            // 稼動を登録する
            String query = "?order=" + order + "&month=2026-12";
            phone.open("/partner/work-reports/new" + query);
            assertThat(phone.text()).contains("稼動を登録する", "2026年12月分");
            assertThat(phone.fitsWidth()).isTrue();
            phone.set("workDate0", "2026-12-01").type("hours0", "8").type("content0", "デザイン修正").tap("submit-work");
            assertThat(phone.text()).contains("稼動を登録しました。", "12月1日", "8時間", "デザイン修正");

            // 請求書を作成する → 入力 → 確認 → 送信
            phone.open("/partner/invoices/new" + query).tap("create-invoice");
            assertThat(phone.title()).startsWith("請求書の入力");
            assertThat(phone.fitsWidth()).isTrue();
            // one line (from the work report) and no expense shown; the rest come as needed
            assertThat(phone.shows("lineContent0")).isTrue();
            assertThat(phone.shows("lineContent1")).isFalse();
            assertThat(phone.shows("expenseContent0")).isFalse();
            phone.press("line-add").type("lineContent1", "打ち合わせ用 弁当").type("quantity1", "3").type("unitPrice1", "1080")
                    .set("taxRate1", "EIGHT_PERCENT");
            assertThat(phone.shows("lineContent2")).isFalse();
            phone.press("expense-add").type("expenseContent0", "交通費").type("expenseAmount0", "1200");
            phone.screenshot(SHOTS.resolve("3-invoice-form.png"));
            phone.tap("to-check");
            assertThat(phone.text()).contains("請求書の確認", "300,000円", "打ち合わせ用 弁当", "3,240円", "259円", "1,200円",
                    "334,699円", "-30,960円", "303,739円");
            assertThat(phone.fitsWidth()).isTrue();
            phone.screenshot(SHOTS.resolve("4-invoice-check.png"));
            phone.tap("send-invoice");
            assertThat(phone.text()).contains("請求月を確認し、チェックを入れてから送信してください。");
            phone.tick("#month-confirmed").tap("send-invoice");
            assertThat(phone.text()).contains("請求書を送信しました");
            phone.screenshot(SHOTS.resolve("5-sent.png"));
        }
        long invoice = jdbc.sql("SELECT i.id FROM invoice i JOIN billing_month b ON b.id = i.billing_month_id "
                + "WHERE b.purchase_order_id = ?").param(order).query(Long.class).single();
        assertThat(api.get("/api/invoices/" + invoice).json().get("status").asText()).isEqualTo("SUBMITTED");
    }

    /** The nonce of the latest authorization request the phone made to the fake LINE. */
    private static String nonce() {
        List<LoggedRequest> authorize = LINE.findAll(getRequestedFor(urlPathEqualTo("/oauth2/v2.1/authorize")));
        return authorize.get(authorize.size() - 1).queryParameter("nonce").firstValue();
    }
}
