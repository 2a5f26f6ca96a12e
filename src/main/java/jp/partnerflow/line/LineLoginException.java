package jp.partnerflow.line;

/** A LINE Login that cannot be accepted; the message says why (for the log; the page says it in Japanese). */
public class LineLoginException extends RuntimeException {
    public LineLoginException(String message) {
        super(message);
    }
}
