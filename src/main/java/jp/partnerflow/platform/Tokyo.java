package jp.partnerflow.platform;

import java.time.ZoneId;

/** Every business date is a date in Japan; instants are stored in UTC. */
public final class Tokyo {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private Tokyo() {
    }
}
