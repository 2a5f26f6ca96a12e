package jp.partnerflow.notification;

import java.util.List;

import jp.partnerflow.line.LineCard;

/**
 * What a feature wants a partner to know.
 *
 * @param body a few short lines under the headline (mail, in-app, and LINE without a card)
 * @param linkUrl the page the notice is about
 * @param card the figures LINE shows in a Flex bubble, or null for plain text
 */
public record PartnerNotice(long partnerId, NoticeType type, String body, String linkUrl,
        List<NoticeAction> actions, LineCard card) {

    public PartnerNotice(long partnerId, NoticeType type, String body, String linkUrl, List<NoticeAction> actions) {
        this(partnerId, type, body, linkUrl, actions, null);
    }
}
