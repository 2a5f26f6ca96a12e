package jp.partnerflow.notification;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jp.partnerflow.line.LineButton;
import jp.partnerflow.line.LineCard;
import jp.partnerflow.line.LineMessenger;
import jp.partnerflow.line.LineMonthlyLimitReached;
import jp.partnerflow.line.LineQuota;
import jp.partnerflow.platform.NotFoundException;

/**
 * Delivers a notice on one channel (LINE or mail): the first attempt by {@link NoticeSender}, the retries from
 * the async task of {@code notice-delivery.bpmn}.
 */
@Service
public class NoticeDeliveries {
    private final NoticeRepository notices;
    private final NoticeDeliveryRepository deliveries;
    private final LineMessenger line;
    private final LineQuota quota;
    private final NoticeMail mail;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    NoticeDeliveries(NoticeRepository notices, NoticeDeliveryRepository deliveries, LineMessenger line, LineQuota quota,
            NoticeMail mail, PlatformTransactionManager transactions, Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.line = line;
        this.quota = quota;
        this.mail = mail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * A retry, unless already delivered. A failure is recorded with its reason (in a transaction of
     * its own, as the caller's rolls back) and rethrown, so Camunda retries and finally raises an incident.
     * LINE's monthly limit is no failure: the delivery is skipped, and the retries end.
     */
    @Transactional
    public void deliver(long deliveryId) {
        NoticeDelivery delivery = deliveries.findById(deliveryId)
                .orElseThrow(() -> new NotFoundException("notice delivery", deliveryId));
        if (delivery.status() == NoticeDelivery.Status.DELIVERED || delivery.status() == NoticeDelivery.Status.SKIPPED) {
            return;
        }
        try {
            push(delivery);
        } catch (LineMonthlyLimitReached limit) {
            deliveries.markSkipped(deliveryId, reason(limit));
            return;
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(s -> deliveries.markFailed(deliveryId, reason(e)));
            throw e;
        }
        deliveries.markDelivered(List.of(deliveryId), clock.instant());
    }

    /** One attempt on the delivery's channel (LINE with its retry key); throws if it was not accepted. */
    private void push(NoticeDelivery delivery) {
        push(delivery, notice(delivery));
    }

    /**
     * One attempt of the notice's delivery (LINE with its retry key); throws if it was not accepted,
     * {@link LineMonthlyLimitReached} when LINE's monthly limit keeps it off LINE.
     */
    void push(NoticeDelivery delivery, Notice notice) {
        if (delivery.channel() == NoticeDelivery.Channel.MAIL) {
            Map<Long, String> failed = mail.send(Map.of(delivery, notice));
            if (!failed.isEmpty()) {
                throw new IllegalStateException(failed.get(delivery.id()));
            }
            return;
        }
        if (quota.limitReached()) {
            throw new LineMonthlyLimitReached("not sent on LINE: the official account's monthly limit is reached", null);
        }
        try {
            line.push(delivery.recipient(), delivery.retryKey(), notice.sender(), notice.title(), notice.body(),
                    buttons(notice), LineCard.fromJson(notice.card()));
        } catch (LineMonthlyLimitReached limit) {
            quota.reached(limit.getMessage());
            throw limit;
        }
    }

    /** Mail deliveries (each with its notice) over one SMTP connection; returns those that failed, with the reason. */
    Map<Long, String> mail(Map<NoticeDelivery, Notice> batch) {
        return mail.send(batch);
    }

    /** The notices of a batch, read at once. */
    Map<Long, Notice> notices(Collection<Long> noticeIds) {
        Map<Long, Notice> byId = new HashMap<>();
        notices.findAllById(noticeIds).forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    private Notice notice(NoticeDelivery delivery) {
        return notices.findById(delivery.noticeId())
                .orElseThrow(() -> new NotFoundException("notice", delivery.noticeId()));
    }

    static String reason(RuntimeException e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    public List<NoticeDelivery> of(long noticeId) {
        return deliveries.findByNoticeIdOrderByChannel(noticeId);
    }

    private static List<LineButton> buttons(Notice notice) {
        return notice.actions().stream()
                .map(a -> a.url() != null ? LineButton.link(a.label(), URI.create(a.url()))
                        : LineButton.postback(a.label(), a.postbackData()))
                .toList();
    }
}
