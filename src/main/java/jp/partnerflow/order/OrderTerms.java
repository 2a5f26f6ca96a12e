package jp.partnerflow.order;

import java.time.LocalDate;

import jp.partnerflow.platform.InvalidFieldException;

/** The terms staff write on an order (and may change when they revise a declined one). */
record OrderTerms(String title, String workContent, LocalDate periodStart, LocalDate periodEnd, long fee,
        FeeType feeType, TaxRate taxRate) {
    /** Longest period of an order: it opens a billing month (a process, its timers) per month of it. */
    static final int MAX_YEARS = 5;
    /** Highest fee, per month or per hour: every amount derived from it stays far from overflowing. */
    static final long MAX_FEE = 100_000_000;

    /** The rules no form can check alone. */
    OrderTerms {
        if (title == null || title.isBlank()) {
            throw new InvalidFieldException("title", "must not be blank");
        }
        if (workContent == null || workContent.isBlank()) {
            throw new InvalidFieldException("workContent", "must not be blank");
        }
        if (periodStart == null) {
            throw new InvalidFieldException("periodStart", "must not be null");
        }
        if (periodEnd == null) {
            throw new InvalidFieldException("periodEnd", "must not be null");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw new InvalidFieldException("periodEnd", "must not be before periodStart");
        }
        if (!periodEnd.isBefore(periodStart.plusYears(MAX_YEARS))) {
            throw new InvalidFieldException("periodEnd", "must be within " + MAX_YEARS + " years of periodStart");
        }
        if (fee <= 0 || fee > MAX_FEE) {
            throw new InvalidFieldException("fee", "must be between 1 and " + MAX_FEE);
        }
        if (feeType == null) {
            feeType = FeeType.MONTHLY;
        }
        if (taxRate == null) {
            throw new InvalidFieldException("taxRate", "must not be null");
        }
        title = title.strip();
        workContent = workContent.strip();
    }
}
