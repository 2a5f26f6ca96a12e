package jp.partnerflow.platform;

/**
 * A business rule on one input field failed (e.g. an unknown partner id). Answered as 400
 * problem+json naming the field, like bean validation errors.
 */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
