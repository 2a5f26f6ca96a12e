package jp.partnerflow.company;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;

/**
 * A company that orders work from partners.
 *
 * @param closingDay 締め日: 1–28, or {@link PaymentTerms#END_OF_MONTH} (31) for the last day
 * @param paymentTerms the default payment terms of its orders
 * @param lineOption whether the company has the paid LINE option
 * @param paymentNoticeConfirmationDays days (1–7) a partner has to confirm a payment notice before it
 *        is approved automatically (期日超過承認)
 */
public record Company(
        @Id Long id,
        String name,
        int closingDay,
        @Embedded.Empty(prefix = "payment_") PaymentTerms paymentTerms,
        boolean lineOption,
        int paymentNoticeConfirmationDays,
        Instant createdAt) {

    public static final int DEFAULT_CONFIRMATION_DAYS = 5;

    Company withId(Long id) {
        return new Company(id, name, closingDay, paymentTerms, lineOption, paymentNoticeConfirmationDays, createdAt);
    }
}
