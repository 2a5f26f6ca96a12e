package jp.partnerflow.company;

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
}
