package jp.partnerflow.line;

import java.util.Map;
import java.util.Set;

import jp.partnerflow.partner.LineUser;

/**
 * A feature's answer to partners' taps on LINE. Postback data is {@code action=NAME&key=value…};
 * the handler for NAME gets the LINE user who tapped (the partners they are, one per company) and
 * acts as the partner who owns the order or notice tapped, if that partner is one of them.
 */
public interface PostbackHandler {

    Set<String> actions();

    LineReply handle(LineUser tapper, String action, Map<String, String> params);

    /** Builds postback data; LINE allows at most 300 characters. */
    static String data(String action, String key, Object value) {
        return "action=" + action + "&" + key + "=" + value;
    }
}
