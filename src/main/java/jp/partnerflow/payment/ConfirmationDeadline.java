package jp.partnerflow.payment;

import java.time.Instant;
import java.time.LocalDate;

import jp.partnerflow.platform.Tokyo;

/**
 * Until when a partner may object to a payment notice: the end of the day (in Japan) {@code days}
 * days after the day it was sent. Returned as the first instant after that day, when the deadline
 * timer fires.
 */
final class ConfirmationDeadline {
    private ConfirmationDeadline() {
    }

    static Instant of(Instant sentAt, int days) {
        LocalDate lastDay = sentAt.atZone(Tokyo.ZONE).toLocalDate().plusDays(days);
        return lastDay.plusDays(1).atStartOfDay(Tokyo.ZONE).toInstant();
    }
}
