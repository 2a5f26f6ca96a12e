package jp.partnerflow.line;

import java.net.URI;

/** A button under a LINE message: a postback (one tap answers the service) or a link to a page. */
public record LineButton(String label, String postbackData, URI uri) {

    public static LineButton postback(String label, String data) {
        return new LineButton(label, data, null);
    }

    public static LineButton link(String label, URI uri) {
        return new LineButton(label, null, uri);
    }
}
