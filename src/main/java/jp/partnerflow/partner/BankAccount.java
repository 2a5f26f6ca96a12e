package jp.partnerflow.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 口座情報: where the fee is paid to. */
public record BankAccount(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String branch,
        @NotNull AccountType accountType,
        @NotBlank @Pattern(regexp = "\\d{7}", message = "must be 7 digits") String accountNumber,
        @NotBlank @Size(max = 100) String accountHolder) {

    /** Never the account in a log line or an exception message. */
    @Override
    public String toString() {
        return "BankAccount[…]";
    }

    /** 普通 / 当座 */
    public enum AccountType {
        ORDINARY, CURRENT
    }
}
