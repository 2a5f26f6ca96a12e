package jp.partnerflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineLoginFake;

/**
 * Partners register and sign in through LINE Login v2.1 against a fake LINE (token and friendship
 * endpoints at the wire level; the test plays the authorize step, reading state and nonce from the
 * redirect as LINE would). Every refusal is a page that says why, and links nothing.
 */
class LineLoginTest extends FeatureTest {

    @BeforeEach
    void lineSaysFriend() {
        LineLoginFake.friendship(LINE);
    }

    @Test
    void registrationConsentsLinksAsksForBasicInfoAndALaterLoginNeedsNothingMore() {
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        String email = email(partnerId);
        String lineUser = Api.newLineUserId();
        Browser phone = new Browser(port);

        // 同意 → LINEでユーザー登録 → LINE (openid profile email, add-friend screen)
        Map<String, String> authorize = startRegistration(phone, partnerId);
        assertThat(authorize).containsEntry("scope", "openid profile email").containsEntry("bot_prompt", "aggressive")
                .containsEntry("client_id", LOGIN_CHANNEL_ID).containsEntry("response_type", "code")
                .containsEntry("redirect_uri", "http://localhost:8080/partner/line/callback");
        Browser.Page back = callback(phone, authorize, idToken(lineUser, email, authorize.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).endsWith("/partner/basic-info?next=/partner/registered");
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineUserId").asText()).isEqualTo(lineUser);
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT kind FROM partner_consent WHERE partner_id = ? ORDER BY kind").param(partnerId)
                .query(String.class).list()).containsExactly("ELECTRONIC_DOCUMENTS", "PRIVACY_POLICY", "TERMS_OF_USE");

        // 基本情報: checked again on the server
        assertThat(phone.get("/partner/basic-info?next=/partner/registered").html()).contains("基本情報");
        Browser.Page wrong = phone.post("/partner/basic-info", Map.of("postalCode", "1", "address", "", "phone", "x",
                "next", "/partner/registered"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html()).contains("郵便番号を 100-0001 の形で入力してください。", "住所を入力してください");
        Browser.Page saved = phone.post("/partner/basic-info", Map.of("postalCode", "150-0001", "address", "東京都渋谷区神宮前1-1",
                "phone", "090-1234-5678", "next", "/partner/registered"));
        // then the bank account, which an order's approval needs too, and back to where registration ends
        assertThat(saved.location()).endsWith("/partner/profile?next=/partner/registered");
        assertThat(phone.get("/partner/profile?next=/partner/registered").location())
                .endsWith("/partner/bank-account?next=/partner/registered");
        assertThat(phone.get("/partner/registered").html()).contains("ユーザー登録が完了しました");

        // later, another phone: 「LINEでログイン」 → the page asked for first, no consent again
        Browser later = new Browser(port);
        assertThat(later.get("/partner/settings").location()).endsWith("/partner/login");
        Map<String, String> login = Browser.query(later.get("/partner/login/line").location());
        Browser.Page signedIn = callback(later, login, idToken(lineUser, email, login.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
        assertThat(signedIn.location()).contains("/partner/settings");
        assertThat(later.get("/partner/settings").html()).contains("佐藤 花子", email, "連携済み");
    }

    @Test
    void aWrongStateABadSignatureAnotherAudienceAnExpiredTokenOrAReplayedNonceSignNobodyIn() {
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        String email = email(partnerId);
        String lineUser = Api.newLineUserId();
        Instant later = Instant.now().plusSeconds(600);

        Browser phone = new Browser(port);
        Map<String, String> first = startRegistration(phone, partnerId);
        String firstToken = idToken(lineUser, email, first.get("nonce"), LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, later);
        Map<String, String> wrongState = new java.util.HashMap<>(first);
        wrongState.put("state", "forged-" + first.get("state"));
        assertRefused(callback(phone, wrongState, firstToken), "ログインできませんでした");

        Map<String, String> attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, idToken(lineUser, email, attempt.get("nonce"), LOGIN_CHANNEL_ID,
                "not-the-channel-secret", later)), "ログインできませんでした");
        attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, idToken(lineUser, email, attempt.get("nonce"), "1659999999",
                LOGIN_CHANNEL_SECRET, later)), "ログインできませんでした");
        attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, idToken(lineUser, email, attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().minusSeconds(5))), "ログインできませんでした");
        // a token with the first attempt's nonce, replayed into a new attempt
        attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, firstToken), "ログインできませんでした");
        // the same callback twice: the attempt is used up by the first
        attempt = startRegistration(phone, partnerId);
        String good = idToken(lineUser, email, attempt.get("nonce"), LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, later);
        assertThat(callback(phone, attempt, good).status()).isEqualTo(302);
        assertRefused(callback(phone, attempt, good), "ログインできませんでした");

        assertThat(count("partner WHERE line_user_id = '" + lineUser + "'")).isEqualTo(1);
    }

    @Test
    void anotherEmailOrAnAccountLinkedToAnotherPartnerIsRefusedAndNothingIsLinked() {
        long company = api.company(true);
        long partnerId = api.partnerWithoutProfile(company, null);
        Browser phone = new Browser(port);
        String lineUser = Api.newLineUserId();

        Map<String, String> attempt = startRegistration(phone, partnerId);
        Browser.Page mismatch = callback(phone, attempt, idToken(lineUser, "someone-else@example.jp", attempt.get("nonce"),
                LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
        assertRefused(mismatch, "メールアドレスが一致しません");
        assertThat(mismatch.html()).contains("連携は行われていません");
        // LINE gave no e-mail (none registered, or its permission not granted): said so, with how to allow it
        attempt = startRegistration(phone, partnerId);
        Browser.Page noEmail = callback(phone, attempt, idToken(lineUser, null, attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
        assertRefused(noEmail, "LINEからメールアドレスを受け取れませんでした");
        assertThat(noEmail.html()).contains("メールアドレスの提供を許可", "連携は行われていません")
                .doesNotContain("一致しません");

        String taken = Api.newLineUserId();
        api.partner(company, taken);
        attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, idToken(taken, email(partnerId), attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))), "この会社の別のパートナーにすでに連携されています");

        assertThat(api.get("/api/partners/" + partnerId).json().has("lineUserId")).isFalse();
        assertThat(count("partner_consent WHERE partner_id = " + partnerId)).isZero();
        // a LINE account nobody registered cannot log in either
        Browser stranger = new Browser(port);
        Map<String, String> login = Browser.query(stranger.get("/partner/login/line").location());
        assertRefused(callback(stranger, login, idToken(Api.newLineUserId(), "x@example.jp", login.get("nonce"),
                LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))), "登録用のリンクからユーザー登録してください");
    }

    @Test
    void everyConsentMustBeTickedAndThePartnerCanUnlinkLineLater() {
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        Browser phone = new Browser(port);
        assertThat(phone.get("/partner/register/" + partnerId).html()).contains("利用規約に同意する", "プライバシーポリシーに同意する",
                "下請取引における電磁的記録の提供について同意する", "LINEでユーザー登録");

        Browser.Page missing = phone.post("/partner/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.html()).contains("3つの項目すべてに同意してください");

        String lineUser = Api.newLineUserId();
        Map<String, String> attempt = startRegistration(phone, partnerId);
        assertThat(callback(phone, attempt, idToken(lineUser, email(partnerId), attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))).status()).isEqualTo(302);
        assertThat(phone.get("/partner/settings").html()).contains("LINE連携を解除する");
        // a form sent from another site with the partner's cookie but without the page's CSRF token changes nothing
        assertThat(phone.postWithoutToken("/partner/settings/unlink-line", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineUserId").asText()).isEqualTo(lineUser);
        assertThat(phone.post("/partner/settings/unlink-line", Map.of()).html()).contains("LINE連携を解除しました");
        assertThat(api.get("/api/partners/" + partnerId).json().has("lineUserId")).isFalse();
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean()).isFalse();
    }

    /** Ticks all three consents and sends the form; returns the query of the redirect to LINE. */
    private static Map<String, String> startRegistration(Browser phone, long partnerId) {
        phone.get("/partner/register/" + partnerId);
        Browser.Page toLine = phone.post("/partner/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY"), Map.entry("consent", "ELECTRONIC_DOCUMENTS")));
        assertThat(toLine.status()).isEqualTo(302);
        assertThat(toLine.location()).startsWith(LINE.baseUrl() + "/oauth2/v2.1/authorize?");
        return Browser.query(toLine.location());
    }

    private static Browser.Page callback(Browser phone, Map<String, String> authorize, String idToken) {
        return LineLoginFake.callback(LINE, phone, authorize, idToken);
    }

    private static String idToken(String sub, String email, String nonce, String audience, String secret, Instant expires) {
        return LineLoginFake.idToken(sub, email, nonce, audience, secret, expires);
    }

    private static void assertRefused(Browser.Page page, String says) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html()).contains(says);
    }

    private String email(long partnerId) {
        return api.get("/api/partners/" + partnerId).json().get("email").asText();
    }
}
