package jp.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** A failure while saving a partner is logged with the partner's ids, never their bank account, address or phone. */
class PersonalDataNotLoggedTest extends FeatureTest {

    @Test
    void aFailedSaveOfAPartnerLogsIdsOnly() {
        long partner = api.partner(api.company(true), Api.newLineUserId());
        // the database refuses this one address, as it would refuse any write while it is in trouble
        jdbc.sql("ALTER TABLE partner ADD CONSTRAINT pf_test_refuse CHECK (address IS NULL OR address <> '大阪府大阪市北区梅田9-9-9')")
                .update();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            Api.Response failed = api.put("/api/partners/" + partner + "/basic-info", """
                    {"postalCode":"530-0001","address":"大阪府大阪市北区梅田9-9-9","phone":"06-9876-5432"}""");

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.text()).doesNotContain("梅田", "06-9876-5432", "1234567", "ヤマダ");
            String logged = await().atMost(Duration.ofSeconds(10)).until(() -> text(log), text -> text.contains("pf_test_refuse"));
            assertThat(logged).contains("Partner[id=" + partner)
                    .doesNotContain("梅田9-9-9", "06-9876-5432", "090-1234-5678", "1234567", "ヤマダ タロウ", "千代田1-1");
        } finally {
            root.detachAppender(log);
            jdbc.sql("ALTER TABLE partner DROP CONSTRAINT pf_test_refuse").update();
        }
    }

    /** Every line logged, with its exception and causes as an error log line prints them. */
    private static String text(ListAppender<ILoggingEvent> log) {
        synchronized (log) { // the appender appends under its own lock
            return log.list.stream().map(event -> event.getFormattedMessage() + "\n"
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                    .collect(Collectors.joining("\n"));
        }
    }
}
