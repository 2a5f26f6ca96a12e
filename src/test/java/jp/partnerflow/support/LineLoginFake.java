package jp.partnerflow.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * LINE Login's side of a login, on the tests' fake LINE: the token endpoint answers a code with an
 * ID token signed like LINE's (HS256 with the channel secret), and the friendship endpoint says
 * "friend". The test plays the authorize step, reading state and nonce from the redirect.
 */
public final class LineLoginFake {
    private LineLoginFake() {
    }

    public static void friendship(WireMockServer line) {
        line.stubFor(get(urlEqualTo("/friendship/v1/status")).willReturn(json("{\"friendFlag\":true}")));
    }

    /** LINE sends the browser back with a code, which its token endpoint answers with the ID token. */
    public static Browser.Page callback(WireMockServer line, Browser phone, Map<String, String> authorize, String idToken) {
        String code = "code-" + UUID.randomUUID();
        tokenFor(line, code, idToken);
        return phone.get("/partner/line/callback?code=" + code + "&state=" + authorize.get("state"));
    }

    /** The token endpoint answers this code with this ID token. */
    public static void tokenFor(WireMockServer line, String code, String idToken) {
        line.stubFor(post(urlEqualTo("/oauth2/v2.1/token")).withRequestBody(containing("code=" + code))
                .withRequestBody(containing("client_secret=" + FeatureTest.LOGIN_CHANNEL_SECRET))
                .willReturn(json("{\"access_token\":\"at-" + code + "\",\"token_type\":\"Bearer\",\"expires_in\":2592000,"
                        + "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}")));
    }

    /** A partner already linked to LINE signs in with 「LINEでログイン」. */
    public static Browser signIn(WireMockServer line, int port, String lineUserId, String email) {
        friendship(line);
        Browser phone = new Browser(port);
        Map<String, String> authorize = Browser.query(phone.get("/partner/login/line").location());
        Browser.Page back = callback(line, phone, authorize, idToken(lineUserId, email, authorize.get("nonce"),
                FeatureTest.LOGIN_CHANNEL_ID, FeatureTest.LOGIN_CHANNEL_SECRET, Instant.now().plusSeconds(600)));
        assertThat(back.status()).as(back.html()).isEqualTo(302);
        return phone;
    }

    public static String idToken(String sub, String email, String nonce, String audience, String secret, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://access.line.me\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d,"
                + "\"iat\":%d,\"nonce\":\"%s\",\"amr\":[\"linesso\"],\"name\":\"山田 花子\"%s}")
                .formatted(sub, audience, expires.getEpochSecond(), Instant.now().getEpochSecond(), nonce,
                        email == null ? "" : ",\"email\":\"" + email + "\"") // none: no e-mail permission
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
