package jp.partnerflow.billing;

import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jp.partnerflow.order.TaxRate;
import jp.partnerflow.platform.InvalidFieldException;

/**
 * One line of an invoice (請求書明細): what was done, how much of it (hours may be fractional) at
 * which unit price, under which consumption tax rate. The line amount is in whole yen, fractions
 * dropped; tax is not computed per line (see {@link InvoiceAmounts}).
 */
@Table("invoice_line")
public record InvoiceLine(String content, BigDecimal quantity, long unitPrice, TaxRate taxRate) {
    static final int MAX_QUANTITY_DECIMALS = 2;

    public InvoiceLine {
        if (content == null || content.isBlank()) {
            throw new InvalidFieldException("content", "must not be blank", "入力してください。");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new InvalidFieldException("quantity", "must be greater than 0");
        }
        if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
            throw new InvalidFieldException("quantity", "must have at most 2 decimal places");
        }
        if (unitPrice < 0) {
            throw new InvalidFieldException("unitPrice", "must not be negative");
        }
        if (taxRate == null) {
            throw new InvalidFieldException("taxRate", "must be one of TEN_PERCENT, EIGHT_PERCENT, NON_TAXABLE");
        }
    }

    /** Quantity × unit price in whole yen. */
    public long amount() {
        return quantity.multiply(BigDecimal.valueOf(unitPrice)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
