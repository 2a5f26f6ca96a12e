package jp.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** A failure while saving a partner is logged with the partner's ids, never their bank account, address or phone. */
class PersonalDataNotLoggedTest extends FeatureTest {
    private static final Path LOG = Path.of(System.getProperty("test.run.log", "target/test-run.log"));

    @Test
    void aFailedSaveOfAPartnerLogsIdsOnly() {
        long partner = api.partner(api.company(true), Api.newLineUserId());
        // the database refuses this one address, as it would refuse any write while it is in trouble
        jdbc.sql("ALTER TABLE partner ADD CONSTRAINT pf_test_refuse CHECK (address IS NULL OR address <> '大阪府大阪市北区梅田9-9-9')")
                .update();
        long logged = LOG.toFile().length();
        try {
            Api.Response failed = api.put("/api/partners/" + partner + "/basic-info", """
                    {"postalCode":"530-0001","address":"大阪府大阪市北区梅田9-9-9","phone":"06-9876-5432"}""");

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.text()).doesNotContain("梅田", "06-9876-5432", "1234567", "ヤマダ");
            String log = await().atMost(Duration.ofSeconds(10)).until(() -> logSince(logged), text -> text.contains("pf_test_refuse"));
            assertThat(log).contains("Partner[id=" + partner)
                    .doesNotContain("梅田9-9-9", "06-9876-5432", "090-1234-5678", "1234567", "ヤマダ タロウ", "千代田1-1");
        } finally {
            jdbc.sql("ALTER TABLE partner DROP CONSTRAINT pf_test_refuse").update();
        }
    }

    /** What the run's log file got since it was this long. */
    private static String logSince(long length) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            file.seek(length);
            byte[] added = new byte[(int) (file.length() - length)];
            file.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }
}
