package jp.partnerflow.partner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What waits for a partner, as each feature knows it (orders to approve, months to report, invoices
 * to write or fix, payment notices to confirm): the partner's home page lists them first, the most
 * urgent on top.
 */
public interface PartnerTodos {

    List<Todo> of(long partnerId);

    /**
     * One thing to do.
     *
     * @param action what to do, e.g. 「請求書を作成する」
     * @param subject which document, e.g. 「Webサイト保守（PO-202612-00001）2026年12月分」
     * @param due the day it should be done by, if there is one
     * @param link the page where it is done
     */
    record Todo(String action, String subject, LocalDate due, String link) {
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日(E)まで", Locale.JAPANESE);

        /** The deadline as the page says it, e.g. 「12月1日(火)まで」; empty without one. */
        public String dueLabel() {
            return due == null ? "" : DAY.format(due);
        }
    }
}
