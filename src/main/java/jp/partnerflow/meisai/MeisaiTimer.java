package jp.partnerflow.meisai;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import jp.partnerflow.meisai.MeisaiSettings.Schedule;
import jp.partnerflow.platform.Tokyo;

/**
 * タイマー設定 of a connection: which record list it runs over, its priority (higher runs first; equal
 * priority → fewer records first) and its schedule at a time of day in Japan.
 *
 * @param runOn the day of a {@link Schedule#ONCE} run
 * @param dayOfMonth of a monthly run; past the month's last day means the last day
 * @param nextRunAt when it is due next; null when it is off or a one-time run is done
 * @param executor the staff user who set it: a timer run is theirs (its report mail goes to them)
 */
@Table("meisai_timer")
public record MeisaiTimer(@Id Long id, long connectionId, long recordListId, boolean enabled, int priority,
        Schedule schedule, LocalDate runOn, DayOfWeek dayOfWeek, Integer dayOfMonth, LocalTime timeOfDay,
        Instant nextRunAt, String executor, Instant updatedAt) {

    /** The first time the schedule names strictly after {@code after}; null when there is none. */
    Instant nextAfter(Instant after) {
        if (!enabled) {
            return null;
        }
        LocalDate today = after.atZone(Tokyo.ZONE).toLocalDate();
        LocalDate day = switch (schedule) {
            case ONCE -> runOn;
            case DAILY -> today;
            case WEEKLY -> today.with(TemporalAdjusters.nextOrSame(dayOfWeek));
            case MONTHLY -> dayInMonth(YearMonth.from(today));
        };
        ZonedDateTime at = day.atTime(timeOfDay).atZone(Tokyo.ZONE);
        if (at.toInstant().isAfter(after)) {
            return at.toInstant();
        }
        return switch (schedule) {
            case ONCE -> null;
            case DAILY -> at.plusDays(1).toInstant();
            case WEEKLY -> at.plusWeeks(1).toInstant();
            case MONTHLY -> dayInMonth(YearMonth.from(today).plusMonths(1)).atTime(timeOfDay).atZone(Tokyo.ZONE).toInstant();
        };
    }

    private LocalDate dayInMonth(YearMonth month) {
        return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
    }

    MeisaiTimer firedAt(Instant at) {
        return new MeisaiTimer(id, connectionId, recordListId, enabled, priority, schedule, runOn, dayOfWeek, dayOfMonth,
                timeOfDay, nextAfter(at), executor, updatedAt);
    }
}
