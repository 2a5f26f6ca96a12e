package jp.partnerflow.order;

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
}
