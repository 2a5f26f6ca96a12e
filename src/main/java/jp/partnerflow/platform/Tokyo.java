package jp.partnerflow.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Every business date is a date in Japan; instants are stored in UTC. */
public final class Tokyo {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZONE);

    /** An instant as staff read it: 2026/11/30 09:15, in Japan. */
    public static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private Tokyo() {
    }
}
