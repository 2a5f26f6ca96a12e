package jp.partnerflow.order;

/**
 * What {@code bpmn/purchase-order.bpmn} asks of Java, as {@code ${purchaseOrders.…(orderId)}}.
 * Everything else in the flow is the model's own.
 */
public interface PurchaseOrderSteps {

    /** 「発注書を確認してください」 with approve / decline buttons. */
    void notifyIssued(long orderId);

    /** The same notice again when the partner has not decided after the configured time. */
    void remindPartner(long orderId);

    void approve(long orderId);

    void decline(long orderId);

    void cancel(long orderId);
}
