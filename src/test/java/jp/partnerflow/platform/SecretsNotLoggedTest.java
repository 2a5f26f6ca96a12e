package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import jp.partnerflow.support.FeatureTest;

/**
 * Runs last and reads the log of the whole test run (one file per build, see logback-test.xml):
 * none of the secrets the tests configured or sent — LINE's channel token and secret, the staff
 * password, 楽楽明細 API tokens — may appear in it.
 */
@Order(Integer.MAX_VALUE)
class SecretsNotLoggedTest {
    private static final List<String> SECRETS = List.of(FeatureTest.CHANNEL_TOKEN, FeatureTest.CHANNEL_SECRET,
            FeatureTest.STAFF_PASSWORD, FeatureTest.LOGIN_CHANNEL_SECRET, "meisai-token-", "issuance-token-",
            "meisai-wire-token", "customer-token", "run-token", "bench-token", "tok-access-test");

    @Test
    void noSecretAppearsInTheLogOfTheRun() throws IOException {
        Path log = Path.of(System.getProperty("test.run.log", "target/test-run.log"));
        assertThat(log).as("the run's log; run this with the whole test suite").exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        // the feature tests ran in this JVM before this class: the log has them, with their 楽楽明細 and LINE traffic
        assertThat(text).as("run this with the whole test suite").contains("Process Engine default created",
                "MeisaiUnavailableException");

        for (String secret : SECRETS) {
            assertThat(text).as("a secret in the log").doesNotContain(secret);
        }
    }
}
