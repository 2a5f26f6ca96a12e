package jp.partnerflow.meisai;

import java.time.Instant;
import java.util.Collection;

import org.springframework.stereotype.Component;

import jp.partnerflow.meisai.MeisaiSettings.RecordUpdate;
import jp.partnerflow.payment.PaymentNotices;

/** レコード更新: after a successful import, the payment notices' fields are set as the connection says. */
@Component
class MeisaiRecordUpdates {
    private final PaymentNotices paymentNotices;

    MeisaiRecordUpdates(PaymentNotices paymentNotices) {
        this.paymentNotices = paymentNotices;
    }

    void apply(MeisaiConnection connection, Collection<Long> paymentNoticeIds, Instant now) {
        String status = null;
        Instant issuedAt = null;
        String memo = null;
        for (RecordUpdate update : connection.recordUpdates()) {
            switch (update.field()) {
                case MEISAI_STATUS -> status = update.value();
                case MEISAI_ISSUED_AT -> issuedAt = "now".equals(update.value()) ? now : Instant.parse(update.value());
                case MEISAI_MEMO -> memo = update.value();
                default -> throw new IllegalStateException(update.field() + " cannot be updated");
            }
        }
        paymentNotices.recordMeisaiFields(paymentNoticeIds, status, issuedAt, memo);
    }
}
