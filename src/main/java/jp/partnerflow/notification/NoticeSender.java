package jp.partnerflow.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.partnerflow.line.LineMonthlyLimitReached;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CaseKey;

/**
 * The first attempt of every delivery, right after the transaction that wrote the notice commits
 * (the notice and its delivery row are the outbox). A few sender threads take deliveries in batches
 * under their row locks and mark them delivered in one commit per batch, so a month-end burst costs
 * the database little more than the reminders themselves. A delivery whose attempt fails is handed,
 * in the same transaction as its FAILED mark, to {@code notice-delivery.bpmn}: retries with
 * back-off, then an incident in Cockpit. Rows no sender took (a node stopped, a commit was lost) are
 * picked up by the sweeper; the retry key makes a repeated push harmless.
 */
@Service
class NoticeSender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final int BATCH = 20;

    private final NoticeDeliveryRepository deliveries;
    private final NoticeDeliveries push;
    private final RuntimeService runtime;
    private final Partners partners;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int threads;
    private final Duration sweepAfter;
    private final BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    NoticeSender(NoticeDeliveryRepository deliveries, NoticeDeliveries push, RuntimeService runtime, Partners partners,
            TransactionTemplate transaction, Clock clock,
            @Value("${partnerflow.notification.sender-threads}") int threads,
            @Value("${partnerflow.notification.sweep-after}") Duration sweepAfter) {
        this.deliveries = deliveries;
        this.push = push;
        this.runtime = runtime;
        this.partners = partners;
        this.transaction = transaction;
        this.clock = clock;
        this.threads = threads;
        this.sweepAfter = sweepAfter;
    }

    /** Sends the notice's deliveries once the current transaction has committed (never for one that rolls back). */
    void sendAfterCommit(long noticeId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(noticeId);
            }
        });
    }

    private void submit(long noticeId) {
        if (queued.add(noticeId)) {
            queue.add(noticeId);
        }
    }

    /** Deliveries waiting longer than they should: left by a node that stopped, or by a lost hand-over. */
    @Scheduled(fixedDelayString = "${partnerflow.notification.sweep-interval}")
    void sweep() {
        deliveries.noticesPendingSince(clock.instant().minus(sweepAfter), 500).forEach(this::submit);
    }

    private void work() {
        while (running) {
            List<Long> batch = new ArrayList<>(BATCH);
            try {
                Long first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the rows stay PENDING; the sweeper offers them again
                log.warn("sending {} notice deliveries failed, the sweeper will retry them: {}", batch.size(), e.toString());
            } finally {
                batch.forEach(queued::remove);
            }
        }
    }

    /** One transaction: lock the batch's pending deliveries (skipping any another node has), push, record. */
    private void send(List<Long> batch) {
        transaction.executeWithoutResult(status -> {
            List<NoticeDelivery> pending = deliveries.lockPending(batch);
            Map<Long, Notice> notices = push.notices(pending.stream().map(NoticeDelivery::noticeId).distinct().toList());
            List<Long> delivered = new ArrayList<>();
            Map<NoticeDelivery, Notice> mails = new LinkedHashMap<>();
            for (NoticeDelivery delivery : pending) {
                Notice notice = notices.get(delivery.noticeId());
                if (delivery.channel() == NoticeDelivery.Channel.MAIL) {
                    mails.put(delivery, notice);
                    continue;
                }
                try {
                    push.push(delivery, notice);
                    delivered.add(delivery.id());
                } catch (LineMonthlyLimitReached limit) {
                    deliveries.markSkipped(delivery.id(), NoticeDeliveries.reason(limit));
                } catch (RuntimeException e) {
                    failed(delivery, notice, NoticeDeliveries.reason(e));
                }
            }
            if (!mails.isEmpty()) {
                Map<Long, String> failures = push.mail(mails);
                for (NoticeDelivery mail : mails.keySet()) {
                    if (failures.containsKey(mail.id())) {
                        failed(mail, mails.get(mail), failures.get(mail.id()));
                    } else {
                        delivered.add(mail.id());
                    }
                }
            }
            if (!delivered.isEmpty()) {
                deliveries.markDelivered(delivered, clock.instant());
            }
        });
    }

    /** Recorded with its reason and handed to notice-delivery.bpmn for retries, in the batch's transaction. */
    private void failed(NoticeDelivery delivery, Notice notice, String reason) {
        deliveries.markFailed(delivery.id(), reason);
        runtime.startProcessInstanceByKey(NoticeDeliveryProcess.ID, CaseKey.of(partners.nameOf(notice.partnerId()),
                notice.title(), delivery.channel() == NoticeDelivery.Channel.LINE ? "LINE" : "メール", "通知" + notice.id()),
                NoticeDeliveryProcess.variables(delivery.id()));
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(this::work, "notice-sender-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    @Override
    public void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
