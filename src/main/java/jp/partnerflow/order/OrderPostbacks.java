package jp.partnerflow.order;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.partnerflow.line.LineButton;
import jp.partnerflow.line.LineReply;
import jp.partnerflow.line.PostbackHandler;
import jp.partnerflow.partner.LineUser;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.platform.ConflictException;

/**
 * The partner's taps on an order notice: 承認する / 辞退する ask for a final confirmation (最終確認),
 * and only the confirmation reaches the process. Only the order's own partner may decide (the LINE
 * user tapping must be that partner, whichever of their companies the order is from), and only
 * while the order waits for a decision; anything else gets a clear answer and changes nothing.
 */
@Component
class OrderPostbacks implements PostbackHandler {
    static final String APPROVE = "approve-order";
    static final String CONFIRM_APPROVE = "confirm-approve-order";
    static final String DECLINE = "decline-order";
    static final String CONFIRM_DECLINE = "confirm-decline-order";
    static final String KEEP = "keep-order";
    private static final String ORDER = "order";

    static final String NOT_YOURS = "この発注書を操作する権限がありません。";
    static final String MISSING_PROFILE = "発注書を承認する前に、口座情報と基本情報を登録してください。";

    private final PurchaseOrders orders;
    private final String publicBaseUrl;

    OrderPostbacks(PurchaseOrders orders, @Value("${partnerflow.public-base-url}") String publicBaseUrl) {
        this.orders = orders;
        this.publicBaseUrl = publicBaseUrl;
    }

    static String data(String action, long orderId) {
        return PostbackHandler.data(action, ORDER, orderId);
    }

    @Override
    public Set<String> actions() {
        return Set.of(APPROVE, CONFIRM_APPROVE, DECLINE, CONFIRM_DECLINE, KEEP);
    }

    @Override
    public LineReply handle(LineUser tapper, String action, Map<String, String> params) {
        OrderReference order = orderOf(params.get(ORDER));
        Partner partner = order == null ? null : tapper.as(order.partnerId()).orElse(null);
        if (partner == null) {
            return new LineReply.Text(NOT_YOURS);
        }
        if (action.equals(KEEP)) {
            return new LineReply.Text("操作を取り消しました。発注書「" + order.title() + "」はそのままです。");
        }
        if (order.status() != OrderStatus.ISSUED) {
            return new LineReply.Text(notWaiting(order));
        }
        boolean approving = action.equals(APPROVE) || action.equals(CONFIRM_APPROVE);
        if (approving && !partner.readyToAcceptOrders()) {
            return new LineReply.Link(MISSING_PROFILE, "登録する", URI.create(publicBaseUrl + "/partner/profile?next=/partner/orders/" + order.id()));
        }
        try {
            return switch (action) {
            case APPROVE -> new LineReply.Confirm(
                    "最終確認\n発注書「" + order.title() + "」（" + order.number() + "）を承認します。よろしいですか？",
                    LineButton.postback("実行する", data(CONFIRM_APPROVE, order.id())),
                    LineButton.postback("キャンセル", data(KEEP, order.id())));
            case DECLINE -> new LineReply.Confirm(
                    "最終確認\n発注書「" + order.title() + "」（" + order.number() + "）を辞退します。よろしいですか？",
                    LineButton.postback("辞退する", data(CONFIRM_DECLINE, order.id())),
                    LineButton.postback("キャンセル", data(KEEP, order.id())));
            case CONFIRM_APPROVE -> {
                orders.partnerApproves(order);
                yield new LineReply.Text("発注書「" + order.title() + "」（" + order.number() + "）を承認しました。");
            }
            default -> {
                orders.partnerDeclines(order);
                yield new LineReply.Text("発注書「" + order.title() + "」（" + order.number()
                        + "）を辞退しました。担当者からの連絡をお待ちください。");
            }
            };
        } catch (ConflictException raced) {
            return new LineReply.Text(notWaiting(orders.reference(order.id())));
        }
    }

    private OrderReference orderOf(String orderId) {
        try {
            return orders.findReference(Long.parseLong(orderId)).orElse(null);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String notWaiting(OrderReference order) {
        String name = "発注書「" + order.title() + "」（" + order.number() + "）";
        return switch (order.status()) {
        case APPROVED -> name + "はすでに承認済みです。";
        case DECLINED -> name + "は辞退済みです。担当者が内容を見直しています。";
        case CANCELLED -> name + "は取り消されました。";
        case ISSUED -> name + "は現在操作できません。しばらくしてからお試しください。";
        };
    }
}
