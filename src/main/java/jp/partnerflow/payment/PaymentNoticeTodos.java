package jp.partnerflow.payment;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.partnerflow.billing.BillingMonths;
import jp.partnerflow.partner.PartnerTodos;
import jp.partnerflow.platform.Tokyo;

/** 支払通知書を確認する: every notice sent and waiting, due by its confirmation deadline. */
@Component
class PaymentNoticeTodos implements PartnerTodos {
    private final PaymentNotices notices;

    PaymentNoticeTodos(PaymentNotices notices) {
        this.notices = notices;
    }

    @Override
    public List<Todo> of(long partnerId) {
        return notices.ofPartner(partnerId).stream().filter(notice -> notice.status() == PaymentNotice.Status.SENT)
                .map(notice -> new Todo("支払通知書を確認する",
                        BillingMonths.inJapanese(notice.billingMonth()) + "（" + notice.number() + "）",
                        notice.latest().confirmationDeadline() == null ? null
                                : notice.latest().confirmationDeadline().atZone(Tokyo.ZONE).toLocalDate(),
                        "/partner/payment-notices/" + notice.id()))
                .toList();
    }
}
