package jp.partnerflow.billing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.partnerflow.company.PaymentTerms;
import jp.partnerflow.platform.Tokyo;

/**
 * The closing-date calendar (締め日): the date a company's billing month closes on, the billing
 * months an order's period spans, and when partners are reminded to invoice.
 * <p>
 * A closing day is 1–28, or 31 for the last day of the month whatever its length. Billing month
 * {@code M} covers the days after the closing date of {@code M-1} up to the closing date of
 * {@code M}. The billing-month model sets its reminder timers with
 * {@code ${closingCalendar.reminder(closingDay, billingMonth, 1)}}: a process owner moves a reminder
 * or adds one in Modeler by changing or copying the number of days after closing.
 */
@Component("closingCalendar")
public class ClosingCalendar {
    private final LocalTime reminderTime;

    public ClosingCalendar(@Value("${partnerflow.billing.reminder-time:10:00}") LocalTime reminderTime) {
        this.reminderTime = reminderTime;
    }

    /** The date billing month {@code month} closes on. */
    public static LocalDate closingDate(int closingDay, YearMonth month) {
        return PaymentTerms.closingDate(closingDay, month);
    }

    /** The first day billing month {@code month} covers: the day after the previous month's closing date. */
    public static LocalDate firstDay(int closingDay, YearMonth month) {
        return closingDate(closingDay, month.minusMonths(1)).plusDays(1);
    }

    public static LocalDate dayAfterClosing(int closingDay, YearMonth month) {
        return closingDate(closingDay, month).plusDays(1);
    }

    public static LocalDate twoDaysAfterClosing(int closingDay, YearMonth month) {
        return closingDate(closingDay, month).plusDays(2);
    }

    /** The billing month a day of work belongs to. */
    public static YearMonth billingMonthOf(int closingDay, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return day.isAfter(closingDate(closingDay, month)) ? month.plusMonths(1) : month;
    }

    /** The billing months an order's period spans, in order. */
    public static List<YearMonth> billingMonths(int closingDay, LocalDate periodStart, LocalDate periodEnd) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = billingMonthOf(closingDay, periodEnd);
        for (YearMonth m = billingMonthOf(closingDay, periodStart); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The start (00:00 in Japan) of the day after the closing date: the month is closed from then on. */
    public Date closed(int closingDay, String billingMonth) {
        LocalDate day = dayAfterClosing(closingDay, YearMonth.parse(billingMonth));
        return Date.from(day.atStartOfDay(Tokyo.ZONE).toInstant());
    }

    /**
     * When the partner is reminded {@code daysAfterClosing} days after the closing date of
     * {@code billingMonth} ("2027-01"), at the reminder time in Japan; a Date, as Camunda's timers
     * take it.
     */
    public Date reminder(int closingDay, String billingMonth, int daysAfterClosing) {
        LocalDate day = closingDate(closingDay, YearMonth.parse(billingMonth)).plusDays(daysAfterClosing);
        return Date.from(day.atTime(reminderTime).atZone(Tokyo.ZONE).toInstant());
    }
}
