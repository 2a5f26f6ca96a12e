package jp.partnerflow.order;

/** Consumption tax rates of the インボイス制度. */
public enum TaxRate {
    TEN_PERCENT(10), EIGHT_PERCENT(8), NON_TAXABLE(0);

    private final int percent;

    TaxRate(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }
}
