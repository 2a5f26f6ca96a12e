package jp.partnerflow.line;

/** LINE refused a message or could not be reached; the message says which, without any secret. */
public class LinePushException extends RuntimeException {
    public LinePushException(String message, Throwable cause) {
        super(message, cause);
    }
}
