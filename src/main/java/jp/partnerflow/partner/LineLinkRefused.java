package jp.partnerflow.partner;

/** A LINE account that cannot be linked to the partner; nothing was changed. */
public class LineLinkRefused extends RuntimeException {

    public enum Reason {
        /** LINE gave no e-mail: the account has none, or the partner did not allow the service to read it. */
        NO_EMAIL,
        /** The LINE e-mail is not the partner's registered e-mail. */
        EMAIL_MISMATCH,
        /** The LINE account is linked to another partner of the same company. */
        LINKED_TO_ANOTHER_PARTNER
    }

    private final Reason reason;

    LineLinkRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
