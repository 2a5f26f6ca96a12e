package jp.partnerflow.line;

import java.net.URI;

/** What the service answers to a partner's tap, independent of the LINE message format. */
public sealed interface LineReply {

    /** Plain text. */
    record Text(String text) implements LineReply {
    }

    /** Text with one link button, e.g. to register missing data first. */
    record Link(String text, String label, URI uri) implements LineReply {
    }

    /** A yes/no question (最終確認); each answer is a postback. */
    record Confirm(String text, LineButton yes, LineButton no) implements LineReply {
    }
}
