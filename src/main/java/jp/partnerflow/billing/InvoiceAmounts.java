package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jp.partnerflow.order.TaxRate;

/**
 * The amounts of an invoice, in whole yen.
 * <ul>
 * <li>Per tax rate a subtotal and one tax amount, rounded down once per rate per invoice
 * (インボイス制度), never per line.</li>
 * <li>立替経費 are added after tax and are not subject to withholding.</li>
 * <li>源泉徴収 for a partner who is an individual, on the fee without consumption tax: 10.21 % up to
 * ¥1,000,000, above it (fee − 1,000,000) × 20.42 % + 102,100; yen fractions dropped.</li>
 * </ul>
 *
 * @param rates the rates that occur, in the order 10 %, 8 %, non-taxable
 * @param subtotal the fee without tax (sum of the lines)
 * @param tax consumption tax (sum of the per-rate amounts)
 * @param expenses 立替経費
 * @param total 請求金額: subtotal + tax + expenses
 * @param withholding 源泉徴収税額
 * @param amountToPay 差引支払額: total − withholding
 */
public record InvoiceAmounts(List<RateTotal> rates, long subtotal, long tax, long expenses, long total,
        long withholding, long amountToPay) {

    public record RateTotal(TaxRate rate, long subtotal, long tax) {
    }

    static final long WITHHOLDING_THRESHOLD = 1_000_000;
    private static final BigDecimal LOWER_RATE = new BigDecimal("0.1021");
    private static final BigDecimal UPPER_RATE = new BigDecimal("0.2042");
    private static final long TAX_AT_THRESHOLD = 102_100;

    public static InvoiceAmounts of(List<InvoiceLine> lines, List<Expense> expenses, boolean withholdingApplies) {
        List<RateTotal> rates = new ArrayList<>();
        for (TaxRate rate : TaxRate.values()) {
            List<InvoiceLine> atRate = lines.stream().filter(l -> l.taxRate() == rate).toList();
            if (!atRate.isEmpty()) {
                long subtotal = atRate.stream().mapToLong(InvoiceLine::amount).sum();
                rates.add(new RateTotal(rate, subtotal, subtotal * rate.percent() / 100));
            }
        }
        long subtotal = rates.stream().mapToLong(RateTotal::subtotal).sum();
        long tax = rates.stream().mapToLong(RateTotal::tax).sum();
        long expenseTotal = expenses.stream().mapToLong(Expense::amount).sum();
        long total = subtotal + tax + expenseTotal;
        long withholding = withholdingApplies ? withholding(subtotal) : 0;
        return new InvoiceAmounts(List.copyOf(rates), subtotal, tax, expenseTotal, total, withholding,
                total - withholding);
    }

    /** 源泉徴収税額 on a fee (without consumption tax). */
    static long withholding(long fee) {
        BigDecimal amount = fee <= WITHHOLDING_THRESHOLD
                ? BigDecimal.valueOf(fee).multiply(LOWER_RATE)
                : BigDecimal.valueOf(fee - WITHHOLDING_THRESHOLD).multiply(UPPER_RATE).add(BigDecimal.valueOf(TAX_AT_THRESHOLD));
        return amount.setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
