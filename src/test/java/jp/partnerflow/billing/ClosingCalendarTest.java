package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Closing dates and the reminders on the day after and two days after, for the calendar's edge cases. */
class ClosingCalendarTest {
    private final ClosingCalendar calendar = new ClosingCalendar();

    @ParameterizedTest(name = "closing day {0}, {1} → closes {2}, reminded {3} and {4}")
    @CsvSource({
            // end of month
            "31, 2027-01, 2027-01-31, 2027-02-01, 2027-02-02",
            "31, 2026-12, 2026-12-31, 2027-01-01, 2027-01-02",
            // closing on the 31st in a 30-day month: the last day
            "31, 2027-04, 2027-04-30, 2027-05-01, 2027-05-02",
            "31, 2027-02, 2027-02-28, 2027-03-01, 2027-03-02",
            "31, 2028-02, 2028-02-29, 2028-03-01, 2028-03-02",
            // fixed days
            "15, 2027-01, 2027-01-15, 2027-01-16, 2027-01-17",
            "20, 2027-03, 2027-03-20, 2027-03-21, 2027-03-22",
            "25, 2027-06, 2027-06-25, 2027-06-26, 2027-06-27",
            // closing on the 28th of February in a leap year
            "28, 2028-02, 2028-02-28, 2028-02-29, 2028-03-01",
            "28, 2027-02, 2027-02-28, 2027-03-01, 2027-03-02",
    })
    void closingDateAndReminderDays(int closingDay, String month, LocalDate closes, LocalDate dayAfter,
            LocalDate twoDaysAfter) {
        YearMonth billingMonth = YearMonth.parse(month);

        assertThat(ClosingCalendar.closingDate(closingDay, billingMonth)).isEqualTo(closes);
        assertThat(ClosingCalendar.dayAfterClosing(closingDay, billingMonth)).isEqualTo(dayAfter);
        assertThat(ClosingCalendar.twoDaysAfterClosing(closingDay, billingMonth)).isEqualTo(twoDaysAfter);
    }

    @Test
    void aTimeAfterTheClosingDateCountsFromItsStartInJapan() {
        assertThat(calendar.after(31, "2027-01", "P1D").toInstant()).isEqualTo(Instant.parse("2027-01-31T15:00:00Z"));
        assertThat(calendar.after(31, "2027-01", "P1DT10H").toInstant()).isEqualTo(Instant.parse("2027-02-01T01:00:00Z"));
        assertThat(calendar.after(31, "2027-01", "P2DT10H").toInstant()).isEqualTo(Instant.parse("2027-02-02T01:00:00Z"));
        assertThat(calendar.after(15, "2027-01", "P1DT8H30M").toInstant()).isEqualTo(Instant.parse("2027-01-15T23:30:00Z"));
    }

    @Test
    void anOrdersPeriodSpansTheBillingMonthsItsDaysFallIn() {
        LocalDate start = LocalDate.parse("2026-12-01");
        LocalDate end = LocalDate.parse("2027-03-31");

        assertThat(ClosingCalendar.billingMonths(31, start, end)).extracting(YearMonth::toString)
                .containsExactly("2026-12", "2027-01", "2027-02", "2027-03");
        // 15日締め: 1–15 Dec is December's, 16–31 Mar is April's
        assertThat(ClosingCalendar.billingMonths(15, start, end)).extracting(YearMonth::toString)
                .containsExactly("2026-12", "2027-01", "2027-02", "2027-03", "2027-04");
        assertThat(ClosingCalendar.billingMonths(20, LocalDate.parse("2027-01-21"), LocalDate.parse("2027-02-20")))
                .extracting(YearMonth::toString).containsExactly("2027-02");
    }

    @Test
    void aDayAfterTheClosingDateBelongsToTheNextBillingMonth() {
        assertThat(ClosingCalendar.billingMonthOf(25, LocalDate.parse("2027-12-25"))).isEqualTo(YearMonth.of(2027, 12));
        assertThat(ClosingCalendar.billingMonthOf(25, LocalDate.parse("2027-12-26"))).isEqualTo(YearMonth.of(2028, 1));
        assertThat(ClosingCalendar.billingMonthOf(31, LocalDate.parse("2028-02-29"))).isEqualTo(YearMonth.of(2028, 2));
    }
}
