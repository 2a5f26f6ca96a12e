package jp.partnerflow.notification;

import java.util.List;

/**
 * What a feature wants a partner to know.
 *
 * @param body a few short lines under the headline (LINE shows the first 60 characters)
 * @param linkUrl the page the notice is about
 */
public record PartnerNotice(long partnerId, NoticeType type, String body, String linkUrl,
        List<NoticeAction> actions) {
}
