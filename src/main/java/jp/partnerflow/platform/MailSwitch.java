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

    private final boolean enabled;

    MailSwitch(@Value("${spring.mail.host:}") String host) {
        this.enabled = !host.isBlank();
        if (!enabled) {
            log.warn("Mail is disabled: no SMTP host is configured (PARTNERFLOW_SMTP_HOST). Notices stay in-app "
                    + "(and on LINE); report mails are not sent.");
        }
    }

    public boolean enabled() {
        return enabled;
    }
}
