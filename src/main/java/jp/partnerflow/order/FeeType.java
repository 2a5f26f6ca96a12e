package jp.partnerflow.order;

/** How an order's fee is meant: a fixed amount per billing month, or a price per hour worked. */
public enum FeeType {
    /** 月額固定: the month's work report is made for the partner after the closing date. */
    MONTHLY("月額"),
    /** 時間単価: the partner reports the hours worked. */
    HOURLY("時給");

    private final String label;

    FeeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
