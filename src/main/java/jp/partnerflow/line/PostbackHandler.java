package jp.partnerflow.line;

import java.util.Map;
import java.util.Set;

import jp.partnerflow.partner.Partner;

/**
 * A feature's answer to partners' taps on LINE. Postback data is {@code action=NAME&key=value…};
 * the handler for NAME gets the partner linked to the LINE user who tapped.
 */
public interface PostbackHandler {

    Set<String> actions();

    LineReply handle(Partner partner, String action, Map<String, String> params);

    /** Builds postback data; LINE allows at most 300 characters. */
    static String data(String action, String key, Object value) {
        return "action=" + action + "&" + key + "=" + value;
    }
}
