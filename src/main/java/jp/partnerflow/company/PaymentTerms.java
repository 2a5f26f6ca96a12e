package jp.partnerflow.company;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When a billing month is paid, e.g. 翌月末払い = {@code (1, 31)}.
 *
 * @param monthOffset months after the closing month (0 = same month, 1 = next month …)
 * @param day day of that month, 1–28, or 31 for its last day
 */
public record PaymentTerms(
        @NotNull @Min(0) @Max(3) Integer monthOffset,
        @NotNull @DayOfMonthOrEnd Integer day) {

    /** 31 stands for the last day of the month (末日), whatever its length. */
    public static final int END_OF_MONTH = 31;

    /** フリーランス法: payment at the latest 60 days after the work is received. */
    public static final int LEGAL_LIMIT_DAYS = 60;

    /** The date a billing month closes on, for a closing day 1–28 or {@link #END_OF_MONTH}. */
    public static LocalDate closingDate(int closingDay, YearMonth month) {
        return closingDay == END_OF_MONTH ? month.atEndOfMonth() : month.atDay(closingDay);
    }

    /** The payment date of the work received on {@code closingDate}. */
    public LocalDate paymentDateFor(LocalDate closingDate) {
        YearMonth month = YearMonth.from(closingDate).plusMonths(monthOffset);
        return day == END_OF_MONTH ? month.atEndOfMonth() : month.atDay(day);
    }

    /** Whether paying on {@code paymentDate} for work received on {@code workReceived} keeps the legal limit. */
    public static boolean withinLegalLimit(LocalDate workReceived, LocalDate paymentDate) {
        return ChronoUnit.DAYS.between(workReceived, paymentDate) <= LEGAL_LIMIT_DAYS;
    }

    /**
     * Why these terms break the legal limit with this closing day, if they do in any month (month
     * lengths differ, so every month of a common and a leap year is tried).
     */
    public Optional<String> legalLimitBreach(int closingDay) {
        for (YearMonth month = YearMonth.of(2027, 1); month.isBefore(YearMonth.of(2029, 1)); month = month.plusMonths(1)) {
            LocalDate closing = closingDate(closingDay, month);
            LocalDate payment = paymentDateFor(closing);
            if (!withinLegalLimit(closing, payment)) {
                return Optional.of("would pay the work received on %s on %s, %d days later; フリーランス法 allows at most %d"
                        .formatted(closing, payment, ChronoUnit.DAYS.between(closing, payment), LEGAL_LIMIT_DAYS));
            }
        }
        return Optional.empty();
    }
}
