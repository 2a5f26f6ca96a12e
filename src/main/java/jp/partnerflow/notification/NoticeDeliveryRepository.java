package jp.partnerflow.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface NoticeDeliveryRepository extends ListCrudRepository<NoticeDelivery, Long> {

    /** LINE first, then MAIL. */
    List<NoticeDelivery> findByNoticeIdOrderByChannel(long noticeId);

    /** Locks those of the deliveries that wait for their first attempt, skipping rows another sender holds. */
    @Query("SELECT * FROM notice_delivery WHERE id IN (:ids) AND status = 'PENDING' ORDER BY id FOR UPDATE SKIP LOCKED")
    List<NoticeDelivery> lockPending(Collection<Long> ids);

    @Query("SELECT id FROM notice_delivery WHERE status = 'PENDING' AND created_at < :before ORDER BY id LIMIT :limit")
    List<Long> pendingSince(Instant before, int limit);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, "
            + "failure_reason = NULL WHERE id IN (:ids)")
    void markDelivered(Collection<Long> ids, Instant at);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'FAILED', attempts = attempts + 1, failure_reason = :reason "
            + "WHERE id = :id")
    void markFailed(long id, String reason);
}
