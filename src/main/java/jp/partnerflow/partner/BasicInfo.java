package jp.partnerflow.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 基本情報: where to send documents and how to reach the partner. */
public record BasicInfo(
        @NotBlank @Pattern(regexp = "\\d{3}-?\\d{4}", message = "must be a postal code like 100-0001") String postalCode,
        @NotBlank @Size(max = 300) String address,
        @NotBlank @Pattern(regexp = "[0-9+\\-]{10,20}", message = "must be a phone number") String phone) {

    /** Never the address or phone in a log line or an exception message. */
    @Override
    public String toString() {
        return "BasicInfo[…]";
    }
}
