package jp.partnerflow.billing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.partnerflow.company.PaymentTerms;
import jp.partnerflow.platform.Tokyo;

/**
 * The closing-date calendar (締め日): the date a company's billing month closes on, the billing
 * months an order's period spans, and when partners are reminded to invoice.
 * <p>
 * A closing day is 1–28, or 31 for the last day of the month whatever its length. Billing month
 * {@code M} covers the days after the closing date of {@code M-1} up to the closing date of
 * {@code M}. The billing-month model's timers are times after the closing date ({@link #after}).
 */
@Component("closingCalendar")
public class ClosingCalendar {
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

    /**
     * {@code ${closingCalendar.after(closingDay, billingMonth, "P1DT10H")}}: a time measured from the
     * start (00:00 in Japan) of the closing date of {@code billingMonth} ("2027-01"), as the
     * billing-month model's timers give it — "P1D" the day after at 00:00, "P1DT10H" the day after
     * at 10:00. A process owner moves a timer, or adds one, by changing the literal in Modeler.
     */
    public Date after(int closingDay, String billingMonth, String sinceClosingDate) {
        LocalDate closing = closingDate(closingDay, YearMonth.parse(billingMonth));
        return Date.from(closing.atStartOfDay(Tokyo.ZONE).plus(Duration.parse(sinceClosingDate)).toInstant());
    }
}
