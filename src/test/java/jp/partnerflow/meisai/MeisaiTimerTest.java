package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import jp.partnerflow.meisai.MeisaiSettings.Schedule;
import jp.partnerflow.platform.Tokyo;

/** タイマー起動スケジュール: the next time a timer is due, at a time of day in Japan. */
class MeisaiTimerTest {

    @Test
    void onceRunsOnItsDayAndThenNoMore() {
        MeisaiTimer once = timer(Schedule.ONCE, LocalDate.of(2027, 1, 31), null, null, "09:00");

        assertThat(once.nextAfter(jst("2027-01-31T08:59"))).isEqualTo(jst("2027-01-31T09:00"));
        assertThat(once.nextAfter(jst("2027-01-31T09:00"))).isNull();
    }

    @Test
    void dailyIsTodayUntilItsTimeThenTomorrow() {
        MeisaiTimer daily = timer(Schedule.DAILY, null, null, null, "10:00");

        assertThat(daily.nextAfter(jst("2027-01-31T09:00"))).isEqualTo(jst("2027-01-31T10:00"));
        assertThat(daily.nextAfter(jst("2027-01-31T10:00"))).isEqualTo(jst("2027-02-01T10:00"));
        // 00:30 in Japan is still the day before in UTC: the day is Japan's
        assertThat(daily.nextAfter(jst("2027-02-01T00:30"))).isEqualTo(jst("2027-02-01T10:00"));
    }

    @Test
    void weeklyIsTheNextOfItsWeekday() {
        MeisaiTimer mondays = timer(Schedule.WEEKLY, null, DayOfWeek.MONDAY, null, "08:00");

        assertThat(mondays.nextAfter(jst("2027-01-30T12:00"))).isEqualTo(jst("2027-02-01T08:00")); // Saturday → Monday
        assertThat(mondays.nextAfter(jst("2027-02-01T08:00"))).isEqualTo(jst("2027-02-08T08:00"));
    }

    @Test
    void monthlyPastTheMonthsLastDayIsTheLastDay() {
        MeisaiTimer the31st = timer(Schedule.MONTHLY, null, null, 31, "09:30");

        assertThat(the31st.nextAfter(jst("2027-01-31T10:00"))).isEqualTo(jst("2027-02-28T09:30"));
        assertThat(the31st.nextAfter(jst("2028-02-01T00:00"))).isEqualTo(jst("2028-02-29T09:30"));
        assertThat(the31st.nextAfter(jst("2027-04-30T09:30"))).isEqualTo(jst("2027-05-31T09:30"));
    }

    @Test
    void aTimerThatIsOffIsNeverDue() {
        MeisaiTimer off = new MeisaiTimer(1L, 1, 1, false, 5, Schedule.DAILY, null, null, null, LocalTime.of(9, 0), null,
                "admin", Instant.now());

        assertThat(off.nextAfter(jst("2027-01-31T08:00"))).isNull();
    }

    private static MeisaiTimer timer(Schedule schedule, LocalDate runOn, DayOfWeek dayOfWeek, Integer dayOfMonth, String at) {
        return new MeisaiTimer(1L, 1, 1, true, 5, schedule, runOn, dayOfWeek, dayOfMonth, LocalTime.parse(at), null, "admin",
                Instant.now());
    }

    private static Instant jst(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Tokyo.ZONE).toInstant();
    }
}
