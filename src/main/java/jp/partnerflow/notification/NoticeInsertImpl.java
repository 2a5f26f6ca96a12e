package jp.partnerflow.notification;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Plain SQL: every notice comes this way (a month end writes thousands at once), and saving the
 * aggregate through Spring Data JDBC cost more CPU than anything else the reminder step does.
 */
class NoticeInsertImpl implements NoticeInsert {
    private final JdbcClient jdbc;

    NoticeInsertImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Notice insert(Notice notice) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notice (partner_id, sender, type, title, body, link_url, created_at, card)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(notice.partnerId(), notice.sender(), notice.type().name(), notice.title(), notice.body(), notice.linkUrl(),
                        notice.createdAt().atOffset(ZoneOffset.UTC), notice.card())
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        List<NoticeAction> actions = notice.actions();
        for (int i = 0; i < actions.size(); i++) {
            NoticeAction action = actions.get(i);
            jdbc.sql("INSERT INTO notice_action (notice, notice_key, label, postback_data, url) VALUES (?, ?, ?, ?, ?)")
                    .params(id, i, action.label(), action.postbackData(), action.url()).update();
        }
        return notice.withId(id);
    }
}
