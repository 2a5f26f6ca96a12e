package jp.partnerflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface NoticeDeliveryRepository extends ListCrudRepository<NoticeDelivery, Long> {

    /** The partner a delivery's notice is for (its retries belong to that partner's company). */
    @Query("SELECT n.partner_id FROM notice_delivery d JOIN notice n ON n.id = d.notice_id WHERE d.id = :id")
    Optional<Long> findPartnerIdById(long id);

    /** LINE first, then MAIL. */
    List<NoticeDelivery> findByNoticeIdOrderByChannel(long noticeId);

    /** A delivery waiting for its first attempt (the outbox): written as plain SQL, it is on every notice's path. */
    @Modifying
    @Query("""
            INSERT INTO notice_delivery (notice_id, channel, recipient, status, retry_key, attempts, created_at)
            VALUES (:noticeId, :channel, :recipient, 'PENDING', :retryKey, 0, :createdAt)""")
    void insertPending(long noticeId, String channel, String recipient, UUID retryKey, Instant createdAt);

    /** Locks the notices' deliveries that wait for their first attempt, skipping rows another sender holds. */
    @Query("SELECT * FROM notice_delivery WHERE notice_id IN (:noticeIds) AND status = 'PENDING' ORDER BY id FOR UPDATE SKIP LOCKED")
    List<NoticeDelivery> lockPending(Collection<Long> noticeIds);

    @Query("""
            SELECT DISTINCT notice_id FROM notice_delivery WHERE status = 'PENDING' AND created_at < :before
            ORDER BY notice_id LIMIT :limit""")
    List<Long> noticesPendingSince(Instant before, int limit);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, "
            + "failure_reason = NULL WHERE id IN (:ids)")
    void markDelivered(Collection<Long> ids, Instant at);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'FAILED', attempts = attempts + 1, failure_reason = :reason "
            + "WHERE id = :id")
    void markFailed(long id, String reason);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'SKIPPED', failure_reason = :reason WHERE id = :id")
    void markSkipped(long id, String reason);
}
