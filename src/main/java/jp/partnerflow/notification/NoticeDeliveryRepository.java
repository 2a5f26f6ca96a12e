package jp.partnerflow.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface NoticeDeliveryRepository extends ListCrudRepository<NoticeDelivery, Long> {

    List<NoticeDelivery> findByNoticeId(long noticeId);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at, "
            + "failure_reason = NULL WHERE id = :id")
    void markDelivered(long id, Instant at);

    @Modifying
    @Query("UPDATE notice_delivery SET status = 'FAILED', attempts = attempts + 1, failure_reason = :reason "
            + "WHERE id = :id")
    void markFailed(long id, String reason);
}
