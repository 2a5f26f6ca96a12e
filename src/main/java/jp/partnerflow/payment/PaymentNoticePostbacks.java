package jp.partnerflow.payment;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.partnerflow.line.LineButton;
import jp.partnerflow.line.LineReply;
import jp.partnerflow.line.PostbackHandler;
import jp.partnerflow.partner.LineUser;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.platform.ConflictException;

/**
 * The partner's 承認する on a payment notice: a final confirmation first, then the approval. A tap
 * on a notice that is no longer waiting (approved, approved automatically, being corrected) gets a
 * clear answer and changes nothing.
 */
@Component
class PaymentNoticePostbacks implements PostbackHandler {
    static final String APPROVE = "approve-payment-notice";
    static final String CONFIRM_APPROVE = "confirm-approve-payment-notice";
    static final String KEEP = "keep-payment-notice";
    private static final String NOTICE = "notice";
    static final String NOT_YOURS = "この支払通知書を操作する権限がありません。";

    private final PaymentNotices notices;

    PaymentNoticePostbacks(PaymentNotices notices) {
        this.notices = notices;
    }

    static String data(String action, long paymentNoticeId) {
        return PostbackHandler.data(action, NOTICE, paymentNoticeId);
    }

    @Override
    public Set<String> actions() {
        return Set.of(APPROVE, CONFIRM_APPROVE, KEEP);
    }

    @Override
    public LineReply handle(LineUser tapper, String action, Map<String, String> params) {
        PaymentNoticeReference notice = noticeOf(params.get(NOTICE));
        Partner partner = notice == null ? null : tapper.as(notice.partnerId()).orElse(null);
        if (partner == null) {
            return new LineReply.Text(NOT_YOURS);
        }
        String name = "支払通知書（" + notice.number() + "）";
        if (action.equals(KEEP)) {
            return new LineReply.Text("操作を取り消しました。" + name + "はそのままです。");
        }
        if (notice.status() != PaymentNotice.Status.SENT) {
            return new LineReply.Text(notWaiting(notice));
        }
        if (action.equals(APPROVE)) {
            return new LineReply.Confirm("最終確認\n" + name + "の内容を承認します。よろしいですか？",
                    LineButton.postback("実行する", data(CONFIRM_APPROVE, notice.id())),
                    LineButton.postback("キャンセル", data(KEEP, notice.id())));
        }
        try {
            notices.approveByPartner(partner.id(), notice.id());
            return new LineReply.Text(name + "を承認しました。");
        } catch (ConflictException raced) {
            return new LineReply.Text(notWaiting(notices.reference(notice.id())));
        }
    }

    private PaymentNoticeReference noticeOf(String id) {
        try {
            return notices.findReference(Long.parseLong(id)).orElse(null);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String notWaiting(PaymentNoticeReference notice) {
        String name = "支払通知書（" + notice.number() + "）";
        return switch (notice.status()) {
        case APPROVED -> name + "はすでに承認済みです。";
        case AUTO_APPROVED -> name + "は確認期限を過ぎたため、自動で承認済みとなっています。内容に誤りがある場合は担当者にご連絡ください。";
        case RETURNED, PREPARED -> name + "は担当者が修正しています。修正後の支払通知書をお送りします。";
        case SENT -> name + "は現在操作できません。しばらくしてからお試しください。";
        };
    }
}
