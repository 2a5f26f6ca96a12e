package jp.partnerflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the service sends mail: only with an SMTP host (PARTNERFLOW_SMTP_HOST). Without one, as
 * on the embedded default, notices stay in-app (and on LINE) and report mails are left out, instead
 * of every mail failing into retries and incidents; start-up says so.
 */
@Component
public class MailSwitch {
    private static final Logger log = LoggerFactory.getLogger(MailSwitch.class);

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final boolean enabled;

    MailSwitch(@Value("${spring.mail.host:}") String host) {
        this.enabled = !host.isBlank();
        if (enabled) {
            nameTheMailStreamProvider();
        } else {
            log.warn("Mail is disabled: no SMTP host is configured (PARTNERFLOW_SMTP_HOST). Notices stay in-app "
                    + "(and on LINE); report mails are not sent.");
        }
    }

    /**
     * Jakarta Mail 2.1 looks up its stream provider for every header it encodes and every body it
     * writes, by a ServiceLoader scan of the whole classpath unless a system property names the class
     * (jakartaee/mail-api#861): at month end that scan cost more than the rest of sending a mail.
     */
    private static void nameTheMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
