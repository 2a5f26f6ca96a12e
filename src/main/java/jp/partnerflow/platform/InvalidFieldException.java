package jp.partnerflow.platform;

/**
 * A business rule on one input field failed (e.g. an unknown partner id). Answered as 400
 * problem+json naming the field, like bean validation errors.
 */
public class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String hint;

    public InvalidFieldException(String field, String message) {
        this(field, message, null);
    }

    /**
     * @param hint what a partner page says to do, in Japanese (e.g. 「T と13桁の数字で入力してください。」):
     *        the rule says it where it is made, so no page maps the English reason
     */
    public InvalidFieldException(String field, String message, String hint) {
        super(field + ": " + message);
        this.field = field;
        this.hint = hint;
    }

    /** What a partner page says to do, if the rule said; else the page asks to enter it correctly. */
    public String hint() {
        return hint;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
