package jp.partnerflow.order;

import java.util.Map;

/** Names shared by {@code bpmn/purchase-order.bpmn} and the Java side. */
public final class PurchaseOrderProcess {
    public static final String ID = "purchase-order";
    public static final String ORDER_ID = "orderId";
    public static final String MSG_APPROVED = "Msg_OrderApproved";
    public static final String MSG_DECLINED = "Msg_OrderDeclined";
    /** Set when a declined order has been revised: {@link #REISSUE} or {@link #CANCEL}. */
    public static final String REVISION = "revision";
    public static final String REISSUE = "REISSUE";
    public static final String CANCEL = "CANCEL";

    private PurchaseOrderProcess() {
    }

    /** What an order's process starts with (the starting call and the start form agree on it). */
    static Map<String, Object> start(long orderId) {
        return Map.of(ORDER_ID, orderId);
    }
}
