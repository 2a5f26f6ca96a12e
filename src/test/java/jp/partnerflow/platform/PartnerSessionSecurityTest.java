package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Browser;
import jp.partnerflow.support.FeatureTest;

/**
 * The partners' session and the door to it: the session cookie is HttpOnly and SameSite=Lax (Secure
 * outside the local profile, see LocalDefaultsTest), and one client address may start only so many
 * LINE logins or registrations a minute.
 */
class PartnerSessionSecurityTest extends FeatureTest {

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        Browser.Page toLine = new Browser(port).from("203.0.113.10").get("/partner/login/line");

        String cookie = toLine.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void oneAddressStartsOnlySoManyLoginsAMinute() {
        Browser script = new Browser(port).from("203.0.113.77");
        for (int i = 0; i < LOGIN_STARTS_PER_MINUTE; i++) {
            assertThat(script.get("/partner/login/line").status()).as("start " + (i + 1)).isEqualTo(302);
        }

        Browser.Page refused = script.get("/partner/login/line");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(refused.html()).contains("しばらくお待ちください", "1分ほど待ってから");
        long partner = api.partnerWithoutProfile(api.company(true), null);
        script.get("/partner/register/" + partner); // the form, with its CSRF token
        assertThat(script.post("/partner/register/" + partner, java.util.Map.of("consent", "TERMS_OF_USE")).status())
                .isEqualTo(429);
        // another address is not held up
        assertThat(new Browser(port).from("203.0.113.78").get("/partner/login/line").status()).isEqualTo(302);
    }
}
