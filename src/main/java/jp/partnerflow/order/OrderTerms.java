package jp.partnerflow.order;

import java.time.LocalDate;

import jp.partnerflow.platform.InvalidFieldException;

/** The terms staff write on an order (and may change when they revise a declined one). */
record OrderTerms(String title, String workContent, LocalDate periodStart, LocalDate periodEnd, long fee,
        FeeType feeType, TaxRate taxRate) {

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
        if (fee <= 0) {
            throw new InvalidFieldException("fee", "must be greater than 0");
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
