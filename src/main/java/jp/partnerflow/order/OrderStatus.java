package jp.partnerflow.order;

public enum OrderStatus {
    /** issued (or re-issued), waiting for the partner's decision */
    ISSUED,
    APPROVED,
    /** declined by the partner; the ordering staff revise or cancel it */
    DECLINED,
    CANCELLED
}
