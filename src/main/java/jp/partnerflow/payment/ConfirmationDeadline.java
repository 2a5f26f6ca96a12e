package jp.partnerflow.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jp.partnerflow.platform.Tokyo;

/**
 * Until when a partner may object to a payment notice: the end of the day (in Japan) {@code days}
 * days after the day it was sent. Returned as the first instant after that day, when the deadline
 * timer fires.
 */
public final class ConfirmationDeadline {
    private static final DateTimeFormatter LAST_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（E）", Locale.JAPANESE);

    private ConfirmationDeadline() {
    }

    /** How the deadline reads wherever the partner sees it (LINE, mail, the page): its last day, e.g. 「2026年12月5日（土）まで」. */
    public static String inJapanese(Instant deadline) {
        return LAST_DAY.format(deadline.atZone(Tokyo.ZONE).toLocalDate().minusDays(1)) + "まで";
    }

    static Instant of(Instant sentAt, int days) {
        LocalDate lastDay = sentAt.atZone(Tokyo.ZONE).toLocalDate().plusDays(days);
        return lastDay.plusDays(1).atStartOfDay(Tokyo.ZONE).toInstant();
    }
}
