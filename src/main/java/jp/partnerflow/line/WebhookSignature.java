package jp.partnerflow.line;

import com.linecorp.bot.parser.LineSignatureValidator;

/** HMAC-SHA256 of the raw body with the channel secret, Base64, as sent in {@code x-line-signature}. */
class WebhookSignature {
    private final LineSignatureValidator validator;

    WebhookSignature(LineSignatureValidator validator) {
        this.validator = validator;
    }

    boolean isValid(byte[] body, String signature) {
        if (validator == null || signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return validator.validateSignature(body, signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
