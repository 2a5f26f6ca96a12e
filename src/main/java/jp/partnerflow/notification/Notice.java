package jp.partnerflow.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A notice as the partner sees it in the app; LINE and mail deliver it further.
 *
 * @param sender the name of the company it comes from (a partner may work for several on the one LINE account)
 * @param card its figures for LINE's Flex bubble as JSON ({@link jp.partnerflow.line.LineCard}), or null
 */
public record Notice(
        @Id Long id,
        long partnerId,
        String sender,
        NoticeType type,
        String title,
        String body,
        String linkUrl,
        @MappedCollection(idColumn = "notice", keyColumn = "notice_key") List<NoticeAction> actions,
        Instant createdAt,
        String card) {

    Notice withId(Long id) {
        return new Notice(id, partnerId, sender, type, title, body, linkUrl, actions, createdAt, card);
    }
}
