package jp.partnerflow.order;

public enum OrderStatus {
    /** issued (or re-issued), waiting for the partner's decision */
    ISSUED("確認待ち"),
    APPROVED("承認済み"),
    /** declined by the partner; the ordering staff revise or cancel it */
    DECLINED("辞退済み"),
    CANCELLED("取消済み");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    /** As the partner's pages show it. */
    public String label() {
        return label;
    }
}
