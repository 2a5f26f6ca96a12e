package jp.partnerflow.notification;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * One notice on one external channel: LINE, or mail.
 *
 * @param recipient the LINE user id, or the partner's e-mail address
 * @param retryKey sent as X-Line-Retry-Key on every attempt, so LINE delivers it at most once
 * @param failureReason why the last attempt failed; Camunda retries until the retries are spent,
 *        then the delivery is an incident in Cockpit
 */
public record NoticeDelivery(
        @Id Long id,
        long noticeId,
        Channel channel,
        String recipient,
        Status status,
        UUID retryKey,
        int attempts,
        String failureReason,
        Instant createdAt,
        Instant deliveredAt) {

    public enum Channel {
        LINE, MAIL
    }

    public enum Status {
        /** waiting for its first attempt (the outbox) */
        PENDING,
        DELIVERED,
        /** an attempt failed: Camunda retries it ({@code notice-delivery.bpmn}) until an incident is raised */
        FAILED,
        /** not sent on LINE: the official account's monthly message limit was reached (mail and in-app carry it) */
        SKIPPED
    }

    NoticeDelivery withId(Long id) {
        return new NoticeDelivery(id, noticeId, channel, recipient, status, retryKey, attempts, failureReason,
                createdAt, deliveredAt);
    }
}
