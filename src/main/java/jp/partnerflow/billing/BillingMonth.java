package jp.partnerflow.billing;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One billing month (請求月) of a purchase order: the work of the days up to {@code closingDate}
 * is reported and invoiced in it.
 *
 * @param billingMonth e.g. "2027-01"
 */
@Table("billing_month")
public record BillingMonth(
        @Id Long id,
        long purchaseOrderId,
        String billingMonth,
        LocalDate closingDate,
        Status status,
        String processInstanceId,
        Instant openedAt) {

    public enum Status {
        /** Waiting for the month's invoice. */
        OPEN
    }
}
