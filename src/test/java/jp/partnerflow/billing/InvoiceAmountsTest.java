package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.partnerflow.billing.InvoiceAmounts.RateTotal;
import jp.partnerflow.order.TaxRate;
import jp.partnerflow.platform.InvalidFieldException;

/** Invoice arithmetic with worked examples, as a partner's invoice shows it. */
class InvoiceAmountsTest {

    @Test
    void mixedRatesWithExpensesForAnIndividual() {
        InvoiceAmounts amounts = InvoiceAmounts.of(List.of(
                line("システム開発 稼動", "160", 5_000, TaxRate.TEN_PERCENT),  // 800,000
                line("資料作成", "1", 1_005, TaxRate.TEN_PERCENT),             //   1,005
                line("資料印刷", "1", 1_007, TaxRate.TEN_PERCENT),             //   1,007
                line("打合せ用 軽食", "1", 7_777, TaxRate.EIGHT_PERCENT),      //   7,777
                line("打合せ用 飲料", "1", 1_249, TaxRate.EIGHT_PERCENT)),     //   1,249
                List.of(new Expense("交通費", 12_340)), true);

        // 10 %: 802,012 → 80,201.2 → 80,201 (per line it would be 80,000 + 100 + 100 = 80,200)
        // 8 %:    9,026 →    722.08 →   722 (per line it would be 622 + 99 = 721)
        assertThat(amounts.rates()).containsExactly(
                new RateTotal(TaxRate.TEN_PERCENT, 802_012, 80_201),
                new RateTotal(TaxRate.EIGHT_PERCENT, 9_026, 722));
        assertThat(amounts.subtotal()).isEqualTo(811_038);
        assertThat(amounts.tax()).isEqualTo(80_923);
        assertThat(amounts.expenses()).isEqualTo(12_340);
        assertThat(amounts.total()).isEqualTo(904_301);
        // 811,038 × 10.21 % = 82,806.97… → 82,806; expenses and tax are not withheld on
        assertThat(amounts.withholding()).isEqualTo(82_806);
        assertThat(amounts.amountToPay()).isEqualTo(821_495);
    }

    @Test
    void aFeeOverOneMillionYenIsWithheldAtTheHigherRateAboveIt() {
        InvoiceAmounts amounts = InvoiceAmounts.of(
                List.of(line("開発一式", "1", 1_500_000, TaxRate.TEN_PERCENT)), List.of(), true);

        assertThat(amounts.tax()).isEqualTo(150_000);
        assertThat(amounts.total()).isEqualTo(1_650_000);
        // (1,500,000 − 1,000,000) × 20.42 % + 102,100 = 102,100 + 102,100
        assertThat(amounts.withholding()).isEqualTo(204_200);
        assertThat(amounts.amountToPay()).isEqualTo(1_445_800);
    }

    @ParameterizedTest(name = "fee {0} → withholding {1}")
    @CsvSource({
            "500000, 51050",
            "999999, 102099",   // 102,099.89… dropped to 102,099
            "1000000, 102100",
            "1000001, 102100",  // 0.2042 yen above the threshold is dropped
            "1000005, 102101",  // 1.021
            "2000000, 306300",
            "0, 0",
    })
    void withholdingAroundTheThreshold(long fee, long withholding) {
        assertThat(InvoiceAmounts.withholding(fee)).isEqualTo(withholding);
    }

    @Test
    void aCorporationHasNothingWithheld() {
        InvoiceAmounts amounts = InvoiceAmounts.of(
                List.of(line("保守", "1", 300_000, TaxRate.TEN_PERCENT)), List.of(), false);

        assertThat(amounts.withholding()).isZero();
        assertThat(amounts.amountToPay()).isEqualTo(330_000);
    }

    @Test
    void fractionalHoursAndNonTaxableLines() {
        InvoiceAmounts amounts = InvoiceAmounts.of(List.of(
                line("稼動", "7.5", 4_999, TaxRate.TEN_PERCENT),      // 37,492.5 → 37,492
                line("非課税の手数料", "1", 3_000, TaxRate.NON_TAXABLE)), List.of(), true);

        assertThat(amounts.rates()).containsExactly(
                new RateTotal(TaxRate.TEN_PERCENT, 37_492, 3_749),
                new RateTotal(TaxRate.NON_TAXABLE, 3_000, 0));
        assertThat(amounts.total()).isEqualTo(44_241);
        assertThat(amounts.withholding()).isEqualTo(4_134); // 40,492 × 10.21 % = 4,134.23…
    }

    @Test
    void badLinesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> line("稼動", "-1", 5_000, TaxRate.TEN_PERCENT))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("quantity");
        assertThatThrownBy(() -> line("稼動", "0", 5_000, TaxRate.TEN_PERCENT))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("quantity");
        assertThatThrownBy(() -> line("稼動", "1.125", 5_000, TaxRate.TEN_PERCENT))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("quantity");
        assertThatThrownBy(() -> line("稼動", "1", -5_000, TaxRate.TEN_PERCENT))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("unitPrice");
        assertThatThrownBy(() -> line(" ", "1", 5_000, TaxRate.TEN_PERCENT))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("content");
        assertThatThrownBy(() -> line("稼動", "1", 5_000, null))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("taxRate");
        assertThatThrownBy(() -> new Expense("交通費", -100))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("amount");
    }

    private static InvoiceLine line(String content, String quantity, long unitPrice, TaxRate rate) {
        return new InvoiceLine(content, new BigDecimal(quantity), unitPrice, rate);
    }
}
