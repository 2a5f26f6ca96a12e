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
 * changes nothing; a worker locks an event's row for the length of its processing transaction, so
 * each event is worked on by one worker of one node at a time, and a node that dies lets go of it.
 * RECEIVED events are the workers' (and the sweeper's); RETRYING ones belong to a
 * {@code line-event-retry} process instance.
 */
@Repository
class WebhookEvents {
    enum Status {
        RECEIVED, RETRYING, PROCESSED
    }

    record StoredEvent(String webhookEventId, String type, String lineUserId, String replyToken, String postbackData) {
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

    /**
     * Locks a RECEIVED event for the current transaction unless another worker has it. Must run
     * inside the transaction that also records the outcome.
     */
    Optional<StoredEvent> lockIfReceived(String webhookEventId) {
        return lock(webhookEventId, Status.RECEIVED, "SKIP LOCKED");
    }

    /** Locks an event handed to Camunda for retries, waiting for a worker that may still hold it. */
    Optional<StoredEvent> lockIfRetrying(String webhookEventId) {
        return lock(webhookEventId, Status.RETRYING, "");
    }

    /** The event as stored, without a lock (to name it). */
    Optional<StoredEvent> find(String webhookEventId) {
        return jdbc.sql("""
                SELECT webhook_event_id, type, line_user_id, reply_token, postback_data
                FROM line_webhook_event WHERE webhook_event_id = :id""")
                .param("id", webhookEventId)
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    private Optional<StoredEvent> lock(String webhookEventId, Status status, String lockOption) {
        return jdbc.sql("""
                SELECT webhook_event_id, type, line_user_id, reply_token, postback_data
                FROM line_webhook_event WHERE webhook_event_id = :id AND status = :status
                """ + "FOR UPDATE " + lockOption)
                .param("id", webhookEventId).param("status", status.name())
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    void markProcessed(String webhookEventId, Instant now) {
        jdbc.sql("""
                UPDATE line_webhook_event SET status = 'PROCESSED', processed_at = :now, attempts = attempts + 1,
                    last_error = NULL
                WHERE webhook_event_id = :id""")
                .param("id", webhookEventId).param("now", Timestamp.from(now)).update();
    }

    /**
     * Records a failed first attempt and takes the event out of the workers' hands.
     *
     * @return false if the event was not RECEIVED (another worker finished it meanwhile)
     */
    boolean markRetrying(String webhookEventId, String error) {
        return jdbc.sql("""
                UPDATE line_webhook_event SET status = 'RETRYING', attempts = attempts + 1, last_error = :error
                WHERE webhook_event_id = :id AND status = 'RECEIVED'""")
                .param("id", webhookEventId)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).update() == 1;
    }

    /** Events still waiting that were received before the cut-off: left over by a full queue, a failure or a lost node. */
    List<String> waiting(Instant receivedBefore, int limit) {
        return jdbc.sql("""
                SELECT webhook_event_id FROM line_webhook_event
                WHERE status = 'RECEIVED' AND received_at < :received
                ORDER BY received_at LIMIT :limit""")
                .param("received", Timestamp.from(receivedBefore)).param("limit", limit)
                .query(String.class).list();
    }
}
