package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.RawHttp;
import jp.partnerflow.support.Webapp;

/**
 * Wrong passwords slow down the client that sends them, never the user they were for: an attacker
 * who knows the name {@code admin} cannot lock the company system that signs in as admin out.
 */
class FailedSignInThrottleTest extends FeatureTest {
    private static final String ATTACKER = "127.0.0.2";

    @Test
    void aClientGuessingPasswordsIsThrottledWhileTheUserWorksOnFromElsewhere() {
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            guesses.add(RawHttp.request(port, ATTACKER, "GET", "/api/companies/1", null, basic(STAFF_USER, "guess-" + i)));
            // the company system signs in as the same user all along
            assertThat(api.get("/engine-rest/user?id=" + STAFF_USER).status()).as("after guess " + i).isEqualTo(200);
        }

        assertThat(guesses.subList(0, 10)).containsOnly(401);
        assertThat(guesses.subList(10, 30)).containsOnly(429);
        // the attacker gets nothing for the right password now either; the webapps' login counts the same way
        assertThat(RawHttp.request(port, ATTACKER, "GET", "/api/companies/1", null, basic(STAFF_USER, STAFF_PASSWORD)))
                .isEqualTo(429);
        assertThat(RawHttp.request(port, ATTACKER, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "username=admin&password=x", "Content-Type: application/x-www-form-urlencoded")).isEqualTo(429);
        assertThat(identity.checkPassword(STAFF_USER, STAFF_PASSWORD)).isTrue();
        assertThat(new Webapp(port).login("cockpit", STAFF_USER, STAFF_PASSWORD)).isEqualTo(200);
    }

    /** X-Forwarded-For counts only from the proxies PARTNERFLOW_TRUSTED_PROXIES names (the tests: 127.0.0.1). */
    @Test
    void aClientCannotDodgeTheThrottleByClaimingOtherAddresses() {
        String attacker = "127.0.0.3";
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            guesses.add(RawHttp.request(port, attacker, "GET", "/api/companies/1", null, basic(STAFF_USER, "guess-" + i),
                    "X-Forwarded-For: 203.0.113." + i, "X-Real-IP: 203.0.113." + i));
        }

        assertThat(guesses.subList(10, 15)).containsOnly(429);
    }

    @Test
    void wrongPasswordsNeverLockTheUser() {
        for (int i = 0; i < 15; i++) {
            assertThat(identity.checkPassword(STAFF_USER, "wrong-" + i)).isFalse();
        }
        assertThat(identity.checkPassword(STAFF_USER, STAFF_PASSWORD)).isTrue();
        assertThat(api.get("/engine-rest/user?id=" + STAFF_USER).status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
