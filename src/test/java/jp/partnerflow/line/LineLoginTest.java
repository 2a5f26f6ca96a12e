package jp.partnerflow.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;

/**
 * Partners register and sign in through LINE Login v2.1 against a fake LINE (token and friendship
 * endpoints at the wire level; the test plays the authorize step, reading state and nonce from the
 * redirect as LINE would). Every refusal is a page that says why, and links nothing.
 */
class LineLoginTest extends FeatureTest {

    @BeforeEach
    void lineSaysFriend() {
        LINE.stubFor(get(urlEqualTo("/friendship/v1/status")).willReturn(json("{\"friendFlag\":true}")));
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
                .containsEntry("redirect_uri", "http://localhost:8080/p/line/callback");
        Browser.Page back = callback(phone, authorize, idToken(lineUser, email, authorize.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.location()).endsWith("/p/basic-info?registering");
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineUserId").asText()).isEqualTo(lineUser);
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT kind FROM partner_consent WHERE partner_id = ? ORDER BY kind").param(partnerId)
                .query(String.class).list()).containsExactly("ELECTRONIC_DOCUMENTS", "PRIVACY_POLICY", "TERMS_OF_USE");

        // 基本情報: checked again on the server
        assertThat(phone.get("/p/basic-info?registering").html()).contains("基本情報");
        Browser.Page wrong = phone.post("/p/basic-info", Map.of("postalCode", "1", "address", "", "phone", "x",
                "registering", "yes"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html()).contains("郵便番号を 100-0001 の形で入力してください。", "住所を入力してください");
        Browser.Page saved = phone.post("/p/basic-info", Map.of("postalCode", "150-0001", "address", "東京都渋谷区神宮前1-1",
                "phone", "090-1234-5678", "registering", "yes"));
        assertThat(saved.location()).endsWith("/p/registered");
        assertThat(phone.get("/p/registered").html()).contains("ユーザー登録が完了しました");

        // later, another phone: 「LINEでログイン」 → the page asked for first, no consent again
        Browser later = new Browser(port);
        assertThat(later.get("/p/settings").location()).endsWith("/p/login");
        Map<String, String> login = Browser.query(later.get("/p/login/line").location());
        Browser.Page signedIn = callback(later, login, idToken(lineUser, email, login.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
        assertThat(signedIn.location()).contains("/p/settings");
        assertThat(later.get("/p/settings").html()).contains("佐藤 花子", email, "連携済み");
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

        String taken = Api.newLineUserId();
        api.partner(company, taken);
        attempt = startRegistration(phone, partnerId);
        assertRefused(callback(phone, attempt, idToken(taken, email(partnerId), attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))), "すでに別のパートナーに連携されています");

        assertThat(api.get("/api/partners/" + partnerId).json().has("lineUserId")).isFalse();
        assertThat(count("partner_consent WHERE partner_id = " + partnerId)).isZero();
        // a LINE account nobody registered cannot log in either
        Browser stranger = new Browser(port);
        Map<String, String> login = Browser.query(stranger.get("/p/login/line").location());
        assertRefused(callback(stranger, login, idToken(Api.newLineUserId(), "x@example.jp", login.get("nonce"),
                LOGIN_CHANNEL_ID, LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))), "登録用のリンクからユーザー登録してください");
    }

    @Test
    void everyConsentMustBeTickedAndThePartnerCanUnlinkLineLater() {
        long partnerId = api.partnerWithoutProfile(api.company(true), null);
        Browser phone = new Browser(port);
        assertThat(phone.get("/p/register/" + partnerId).html()).contains("利用規約に同意する", "プライバシーポリシーに同意する",
                "下請取引における電磁的記録の提供について同意する", "LINEでユーザー登録");

        Browser.Page missing = phone.post("/p/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.html()).contains("3つの項目すべてに同意してください");

        String lineUser = Api.newLineUserId();
        Map<String, String> attempt = startRegistration(phone, partnerId);
        assertThat(callback(phone, attempt, idToken(lineUser, email(partnerId), attempt.get("nonce"), LOGIN_CHANNEL_ID,
                LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600))).status()).isEqualTo(302);
        assertThat(phone.get("/p/settings").html()).contains("LINE連携を解除する");
        // a form sent from another site with the partner's cookie but without the page's CSRF token changes nothing
        assertThat(phone.postWithoutToken("/p/settings/unlink-line", Map.of()).status()).isEqualTo(403);
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineUserId").asText()).isEqualTo(lineUser);
        assertThat(phone.post("/p/settings/unlink-line", Map.of()).html()).contains("LINE連携を解除しました");
        assertThat(api.get("/api/partners/" + partnerId).json().has("lineUserId")).isFalse();
        assertThat(api.get("/api/partners/" + partnerId).json().get("lineFollowing").asBoolean()).isFalse();
    }

    /** Ticks all three consents and sends the form; returns the query of the redirect to LINE. */
    private static Map<String, String> startRegistration(Browser phone, long partnerId) {
        phone.get("/p/register/" + partnerId);
        Browser.Page toLine = phone.post("/p/register/" + partnerId, List.of(Map.entry("consent", "TERMS_OF_USE"),
                Map.entry("consent", "PRIVACY_POLICY"), Map.entry("consent", "ELECTRONIC_DOCUMENTS")));
        assertThat(toLine.status()).isEqualTo(302);
        assertThat(toLine.location()).startsWith(LINE.baseUrl() + "/oauth2/v2.1/authorize?");
        return Browser.query(toLine.location());
    }

    /** LINE sends the phone back with a code; its token endpoint answers that code with the ID token. */
    private static Browser.Page callback(Browser phone, Map<String, String> authorize, String idToken) {
        String code = "code-" + UUID.randomUUID();
        LINE.stubFor(post(urlEqualTo("/oauth2/v2.1/token")).withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_secret=" + LOGIN_CHANNEL_SECRET))
                .willReturn(json("{\"access_token\":\"at-" + code + "\",\"token_type\":\"Bearer\",\"expires_in\":2592000,"
                        + "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}")));
        return phone.get("/p/line/callback?code=" + code + "&state=" + authorize.get("state"));
    }

    private static void assertRefused(Browser.Page page, String says) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html()).contains(says);
    }

    private String email(long partnerId) {
        return api.get("/api/partners/" + partnerId).json().get("email").asText();
    }

    static String idToken(String sub, String email, String nonce, String audience, String secret, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://access.line.me\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d,"
                + "\"iat\":%d,\"nonce\":\"%s\",\"amr\":[\"linesso\"],\"name\":\"山田 花子\",\"email\":\"%s\"}")
                .formatted(sub, audience, expires.getEpochSecond(), Instant.now().getEpochSecond(), nonce, email)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + claims + "." + b64.encodeToString(mac.doFinal((header + "." + claims)
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
