package jp.partnerflow.line;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored LINE webhook events. Each {@code webhookEventId} is stored once, so a redelivery
 * changes nothing; a node claims an event with a conditional update before it works on it, so
 * each event is worked on by one node at a time.
 */
@Repository
class WebhookEvents {
    enum Status {
        RECEIVED, PROCESSING, PROCESSED, FAILED
    }

    record StoredEvent(String webhookEventId, String type, String lineUserId, String replyToken, String postbackData,
            int attempts) {
    }

    private final JdbcClient jdbc;

    WebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the event in a statement of its own (no surrounding transaction, so a duplicate does
     * not spoil the others).
     *
     * @return false if an event with this id was stored before
     */
    boolean storeIfNew(String webhookEventId, String type, String lineUserId, String replyToken, String postbackData,
            boolean redelivery, Instant now) {
        var insert = jdbc.sql("""
                INSERT INTO line_webhook_event (webhook_event_id, type, line_user_id, reply_token, postback_data,
                    redelivery, status, attempts, received_at)
                VALUES (:id, :type, :user, :token, :data, :redelivery, 'RECEIVED', 0, :now)""")
                .param("id", webhookEventId).param("type", type).param("user", lineUserId)
                .param("token", replyToken).param("data", postbackData).param("redelivery", redelivery)
                .param("now", Timestamp.from(now));
        try {
            return insert.update() == 1;
        } catch (DuplicateKeyException redelivered) {
            return false;
        }
    }

    /** Takes the event for processing unless another worker has it (a claim older than staleBefore is void). */
    Optional<StoredEvent> claim(String webhookEventId, Instant now, Instant staleBefore) {
        int claimed = jdbc.sql("""
                UPDATE line_webhook_event SET status = 'PROCESSING', claimed_at = :now, attempts = attempts + 1
                WHERE webhook_event_id = :id
                  AND (status = 'RECEIVED' OR (status = 'PROCESSING' AND claimed_at < :stale))""")
                .param("id", webhookEventId).param("now", Timestamp.from(now)).param("stale", Timestamp.from(staleBefore))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT webhook_event_id, type, line_user_id, reply_token, postback_data, attempts
                FROM line_webhook_event WHERE webhook_event_id = :id""")
                .param("id", webhookEventId)
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .optional();
    }

    void markProcessed(String webhookEventId, Instant now) {
        jdbc.sql("UPDATE line_webhook_event SET status = 'PROCESSED', processed_at = :now, last_error = NULL "
                + "WHERE webhook_event_id = :id")
                .param("id", webhookEventId).param("now", Timestamp.from(now)).update();
    }

    /** Gives the event back for a later attempt, or marks it failed for good. */
    void release(String webhookEventId, String error, boolean giveUp) {
        jdbc.sql("UPDATE line_webhook_event SET status = :status, last_error = :error WHERE webhook_event_id = :id")
                .param("id", webhookEventId).param("status", (giveUp ? Status.FAILED : Status.RECEIVED).name())
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).update();
    }

    /** Events nobody is working on: received before the cut-off, or claimed by a worker that went away. */
    List<String> waiting(Instant receivedBefore, Instant staleBefore, int limit) {
        return jdbc.sql("""
                SELECT webhook_event_id FROM line_webhook_event
                WHERE (status = 'RECEIVED' AND received_at < :received)
                   OR (status = 'PROCESSING' AND claimed_at < :stale)
                ORDER BY received_at LIMIT :limit""")
                .param("received", Timestamp.from(receivedBefore)).param("stale", Timestamp.from(staleBefore))
                .param("limit", limit)
                .query(String.class).list();
    }
}
