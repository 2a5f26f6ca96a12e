package jp.partnerflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;

/**
 * The order page a partner opens from LINE, signed in through LINE Login: the terms, the basic info
 * and bank account asked for when missing, approval after a final confirmation; another partner's
 * order can be neither read nor decided.
 */
class OrderPagesTest extends FeatureTest {

    @Test
    void aPartnerWithoutProfileRegistersItThenApprovesAfterTheFinalConfirmation() {
        String user = Api.newLineUserId();
        long partnerId = api.partnerWithoutProfile(api.company(true), user);
        long order = api.order(partnerId);
        Browser phone = LineLoginFake.signIn(LINE, port, user, email(partnerId));

        Browser.Page page = phone.get("/partner/orders/" + order);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("発注書", "確認待ち", "承認の前に、基本情報と口座情報を登録してください。",
                "基本情報・口座情報を登録する");
        // the page hides the approve button, and the server refuses the approval all the same
        phone.get("/partner/settings"); // a page with a form: its CSRF token
        assertThat(phone.post("/partner/orders/" + order + "/approve", Map.of()).location())
                .endsWith("/partner/profile?next=/partner/orders/" + order);
        assertThat(status(order)).isEqualTo("ISSUED");

        String next = "/partner/orders/" + order;
        assertThat(phone.get("/partner/profile?next=" + next).location()).endsWith("/partner/basic-info?next=" + next);
        phone.get("/partner/basic-info?next=" + next);
        assertThat(phone.post("/partner/basic-info", Map.of("postalCode", "100-0001", "address", "東京都千代田区千代田1-1",
                "phone", "090-1234-5678", "next", next)).location()).endsWith("/partner/profile?next=" + next);
        assertThat(phone.get("/partner/profile?next=" + next).location()).endsWith("/partner/bank-account?next=" + next);
        phone.get("/partner/bank-account?next=" + next);
        Browser.Page badAccount = phone.post("/partner/bank-account", Map.of("name", "みずほ銀行", "branch", "東京営業部",
                "accountType", "ORDINARY", "accountNumber", "12345", "accountHolder", "ヤマダ タロウ", "next", next));
        assertThat(badAccount.status()).isEqualTo(400);
        assertThat(badAccount.html()).contains("口座番号を7桁の数字で入力してください。");
        assertThat(phone.post("/partner/bank-account", Map.of("name", "みずほ銀行", "branch", "東京営業部",
                "accountType", "ORDINARY", "accountNumber", "1234567", "accountHolder", "ヤマダ タロウ", "next", next))
                .location()).endsWith("/partner/profile?next=" + next);
        assertThat(phone.get("/partner/profile?next=" + next).location()).endsWith(next);

        assertThat(phone.get(next).html()).contains("承認する").doesNotContain("基本情報・口座情報を登録する");
        Browser.Page confirm = phone.get(next + "/confirm-approve");
        assertThat(confirm.html()).contains("最終確認", "を承認します。よろしいですか？");
        Browser.Page done = phone.post(next + "/approve", Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.html()).contains("発注書を承認しました");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(order).equals("APPROVED"));
        assertThat(phone.get(next).html()).contains("承認済み").doesNotContain("confirm-approve");

        Browser.Page again = phone.post(next + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.html()).contains("すでに承認済みです");
    }

    @Test
    void anotherPartnersOrderCanBeNeitherReadNorDecided() {
        long company = api.company(true);
        String mine = Api.newLineUserId();
        long me = api.partner(company, mine);
        long other = api.partner(company, Api.newLineUserId());
        long theirs = api.order(other);
        Browser phone = LineLoginFake.signIn(LINE, port, mine, email(me));

        Browser.Page read = phone.get("/partner/orders/" + theirs);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.html()).contains("このページは表示できません").doesNotContain("Webサイト");
        phone.get("/partner/settings");
        assertThat(phone.post("/partner/orders/" + theirs + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(phone.post("/partner/orders/" + theirs + "/decline", Map.of()).status()).isEqualTo(403);
        assertThat(phone.get("/partner/orders/" + theirs + "/confirm-approve").status()).isEqualTo(403);
        assertThat(status(theirs)).isEqualTo("ISSUED");
        // not signed in: to the login page
        assertThat(new Browser(port).get("/partner/orders/" + theirs).location()).endsWith("/partner/login");
    }

    private String status(long order) {
        return api.get("/api/orders/" + order).json().get("status").asText();
    }

    private String email(long partnerId) {
        return api.get("/api/partners/" + partnerId).json().get("email").asText();
    }
}
