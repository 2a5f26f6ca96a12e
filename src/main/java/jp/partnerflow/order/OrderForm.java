package jp.partnerflow.order;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jp.partnerflow.platform.InvalidFieldException;

/** Reads order terms from Camunda Form fields (numbers arrive as Long or Double, dates as text). */
final class OrderForm {
    private OrderForm() {
    }

    static OrderTerms terms(Function<String, Object> field) {
        String taxRate = text(field.apply("taxRate"));
        TaxRate rate;
        try {
            rate = taxRate == null ? TaxRate.TEN_PERCENT : TaxRate.valueOf(taxRate);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("taxRate", "must be one of TEN_PERCENT, EIGHT_PERCENT, NON_TAXABLE");
        }
        String feeType = text(field.apply("feeType"));
        FeeType type;
        try {
            type = feeType == null ? FeeType.MONTHLY : FeeType.valueOf(feeType);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("feeType", "must be one of MONTHLY, HOURLY");
        }
        return new OrderTerms(text(field.apply("title")), text(field.apply("workContent")),
                date(field.apply("periodStart"), "periodStart"), date(field.apply("periodEnd"), "periodEnd"),
                number(field.apply("fee"), "fee"), type, rate);
    }

    static long number(Object value, String name) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(name, "must be a whole number");
        }
    }

    private static LocalDate date(Object value, String name) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be a date like 2026-12-01");
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
