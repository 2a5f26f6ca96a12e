package jp.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.partnerflow.platform.Tokyo;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;

/**
 * The partner's home is a to-do list: what waits for them first (with its deadline), then the
 * notices, those done marked so; every page leads to 発注書, 稼動, 請求書, 支払通知書 and 設定, each a
 * list with its state.
 */
class PartnerHomeTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @BeforeEach
    void lineSaysFriend() {
        LineLoginFake.friendship(LINE);
    }

    @Test
    void whatWaitsComesFirstAndGoesWhenDone() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        YearMonth thisMonth = YearMonth.now(Tokyo.ZONE);
        long order = api.post("/api/orders", """
                {"partnerId":%d,"title":"保守対応","workContent":"障害対応","periodStart":"%s","periodEnd":"%s",
                 "fee":6000,"feeType":"HOURLY","taxRate":"TEN_PERCENT"}""".formatted(partner, thisMonth.atDay(1),
                thisMonth.plusMonths(1).atEndOfMonth())).id();
        String number = api.get("/api/orders/" + order).json().get("number").asText();
        Browser phone = signedIn(partner, user);

        // the order waits for the partner's decision
        String home = await().atMost(PATIENCE).until(() -> phone.get("/partner").html(), h -> h.contains("発注書を確認する"));
        assertThat(section(home, "todos")).contains("発注書を確認する", "保守対応（" + number + "）");
        assertThat(section(home, "notices")).contains("発注書を確認してください").doesNotContain("対応済み");
        assertThat(section(home, "nav")).contains("ホーム", "発注書", "稼動", "請求書", "支払通知書", "設定");

        // approved: this month's hours are to report by its closing date, and the order's notice is done
        approveOnLine(user, order);
        home = phone.get("/partner").html();
        assertThat(section(home, "todos")).doesNotContain("発注書を確認する").contains("稼動を登録する",
                thisMonth.getMonthValue() + "月" + thisMonth.atEndOfMonth().getDayOfMonth() + "日");
        assertThat(section(home, "notices")).contains("対応済み");
        assertThat(phone.get("/partner/orders").html()).contains("保守対応", "承認済み");
        assertThat(phone.get("/partner/work-reports").html()).contains(thisMonth.getYear() + "年" + thisMonth.getMonthValue() + "月分", "未登録");
        assertThat(phone.get("/partner/invoices").html()).contains("未作成");
        assertThat(phone.get("/partner/payment-notices").html()).contains("支払通知書はまだありません");

        // reported: nothing waits until the month closes
        assertThat(api.asPartner(partner).post("/api/me/work-reports", """
                {"orderId":%d,"billingMonth":"%s","entries":[{"workDate":"%s","hours":6,"content":"障害対応"}]}"""
                .formatted(order, thisMonth, LocalDate.now(Tokyo.ZONE))).status()).isEqualTo(201);
        assertThat(section(phone.get("/partner").html(), "todos")).doesNotContain("稼動を登録する");
        assertThat(phone.get("/partner/work-reports").html()).contains("登録済み・6時間");
    }

    @Test
    void aPaymentNoticeToConfirmShowsItsDeadline() {
        PaymentNoticeSent sent = paymentNoticeSent(api.company(true));
        Browser phone = signedIn(sent.partnerId(), sent.user());
        String deadline = api.get("/api/payment-notices/" + sent.notice()).json().get("versions").get(0)
                .get("confirmationDeadline").asText();
        LocalDate due = Instant.parse(deadline).atZone(Tokyo.ZONE).toLocalDate();

        String todos = section(phone.get("/partner").html(), "todos");
        assertThat(todos).contains("支払通知書を確認する", "2026年12月分", due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
        assertThat(phone.get("/partner/payment-notices").html()).contains("2026年12月分の支払通知書", "確認待ち");
        // the notice says its month and order, and only the amounts there are (no 0円 rows)
        String page = phone.get("/partner/payment-notices/" + sent.notice()).html();
        assertThat(page).contains("2026年12月分の支払通知書", "Webサイト保守（PO-", "10%対象額", "源泉徴収税額")
                .doesNotContain("8%対象額", "非課税額", "立替経費");
    }

    /** 「LINEでログイン」 as the partner's LINE user. */
    private Browser signedIn(long partnerId, String lineUser) {
        Browser phone = new Browser(port);
        String email = api.get("/api/partners/" + partnerId).json().get("email").asText();
        Map<String, String> login = Browser.query(phone.get("/partner/login/line").location());
        assertThat(LineLoginFake.callback(LINE, phone, login, LineLoginFake.idToken(lineUser, email, login.get("nonce"),
                LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))).status()).isEqualTo(302);
        return phone;
    }

    /** The part of the page inside the element with this id. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("#" + id).isPositive();
        String tag = html.substring(html.lastIndexOf('<', start) + 1, html.indexOf(' ', html.lastIndexOf('<', start)));
        return html.substring(start, html.indexOf("</" + tag + ">", start));
    }
}
