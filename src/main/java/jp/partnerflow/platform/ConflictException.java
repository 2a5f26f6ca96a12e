package jp.partnerflow.platform;

/** The request is valid but the thing is not in a state that allows it (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
