package jp.partnerflow.line;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.partnerflow.partner.LineUser;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.platform.CaseKey;
import jp.partnerflow.partner.Partners;

/**
 * Works off stored webhook events: follow / unfollow update the partner's LINE state, postbacks go
 * to the feature that owns the action. The effects and the "processed" mark commit together; the
 * reply is sent after that. An event whose processing fails goes to Camunda
 * ({@code bpmn/line-event-retry.bpmn}): retries with back-off, then an incident in Cockpit.
 */
@Service
class WebhookEventProcessor {
    static final String POSTBACK = "postback";
    static final String FOLLOW = "follow";
    static final String UNFOLLOW = "unfollow";

    static final String FRIEND_REGISTERED = "友だち登録完了\nこれから発注書や請求書のお知らせをLINEでお届けします。";
    static final String UNKNOWN_PARTNER = "パートナー登録が確認できませんでした。登録済みのメールアドレスでLINE連携を行ってください。";
    static final String UNKNOWN_ACTION = "この操作は現在ご利用いただけません。";

    private static final Logger log = LoggerFactory.getLogger(WebhookEventProcessor.class);

    private final WebhookEvents events;
    private final Partners partners;
    private final Map<String, PostbackHandler> handlers;
    private final LineMessenger messenger;
    private final TransactionTemplate transaction;
    private final ThreadPoolTaskExecutor executor;
    private final RuntimeService runtime;
    private final Clock clock;

    WebhookEventProcessor(WebhookEvents events, Partners partners, List<PostbackHandler> handlers,
            LineMessenger messenger, TransactionTemplate transaction, ThreadPoolTaskExecutor lineEventExecutor,
            RuntimeService runtime, Clock clock) {
        this.events = events;
        this.partners = partners;
        this.handlers = handlers.stream().flatMap(h -> h.actions().stream().map(a -> Map.entry(a, h)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.messenger = messenger;
        this.transaction = transaction;
        this.executor = lineEventExecutor;
        this.runtime = runtime;
        this.clock = clock;
    }

    void submit(String webhookEventId) {
        try {
            executor.execute(() -> process(webhookEventId));
        } catch (RejectedExecutionException full) {
            log.debug("event queue full, the sweeper will take {}", webhookEventId);
        }
    }

    /** Picks up what no worker has: events left over by a full queue, or by a node that went away mid-work. */
    @Scheduled(fixedDelayString = "${partnerflow.line.sweep-interval:5s}")
    void sweep() {
        events.waiting(clock.instant().minusSeconds(2), 500).forEach(this::submit);
    }

    /**
     * The fast path, on the worker threads: the event's effects and its "processed" mark commit
     * together under the event's row lock; the reply follows. If it fails, the event is handed to a
     * {@code line-event-retry} process instance in the same transaction as its RETRYING mark.
     */
    void process(String webhookEventId) {
        Handled handled;
        try {
            handled = transaction.execute(status -> events.lockIfReceived(webhookEventId).map(this::handle).orElse(null));
        } catch (RuntimeException e) {
            log.warn("LINE event {} failed, handing it to Camunda for retries: {}", webhookEventId, e.toString());
            transaction.executeWithoutResult(status -> {
                if (events.markRetrying(webhookEventId, e.toString())) {
                    runtime.startProcessInstanceByKey(RetryLineEvent.PROCESS_ID, caseKey(webhookEventId),
                            RetryLineEvent.start(webhookEventId));
                }
            });
            return;
        }
        if (handled != null) {
            reply(handled);
        }
    }

    /** Who the failed event came from (their partner names), what it was, and its id. */
    private String caseKey(String webhookEventId) {
        return events.find(webhookEventId).map(event -> CaseKey.of(
                partners.lineUser(event.lineUserId()).partners().stream().map(Partner::name).reduce((a, b) -> a + "・" + b)
                        .orElse("未登録のLINEユーザー"),
                "LINE " + event.type(), webhookEventId)).orElse(webhookEventId);
    }

    /** The retry path, in a Camunda job's transaction: a failure fails the job (retries, then an incident). */
    void retry(String webhookEventId) {
        events.lockIfRetrying(webhookEventId).map(this::handle).ifPresent(handled ->
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        reply(handled);
                    }
                }));
    }

    private record Handled(WebhookEvents.StoredEvent event, LineReply reply) {
    }

    private Handled handle(WebhookEvents.StoredEvent event) {
        LineReply reply = dispatch(event);
        events.markProcessed(event.webhookEventId(), clock.instant());
        return new Handled(event, reply);
    }

    /** Not waited for; a failed reply is not retried: the effect is stored, and the reply token is short-lived. */
    private void reply(Handled handled) {
        if (handled.reply() == null || handled.event().replyToken() == null || !messenger.enabled()) {
            return;
        }
        messenger.reply(handled.event().replyToken(), handled.reply()).whenComplete((sent, failure) -> {
            if (failure != null) {
                log.warn("reply to LINE event {} failed: {}", handled.event().webhookEventId(), failure.getMessage());
            }
        });
    }

    private LineReply dispatch(WebhookEvents.StoredEvent event) {
        if (event.lineUserId() == null) {
            return null;
        }
        switch (event.type()) {
        case FOLLOW:
            return partners.lineFollowed(event.lineUserId()) ? new LineReply.Text(FRIEND_REGISTERED) : null;
        case UNFOLLOW:
            partners.lineUnfollowed(event.lineUserId());
            return null;
        case POSTBACK:
            return postback(event.lineUserId(), event.postbackData());
        default:
            return null;
        }
    }

    private LineReply postback(String lineUserId, String data) {
        LineUser tapper = partners.lineUser(lineUserId);
        if (!tapper.registered()) {
            return new LineReply.Text(UNKNOWN_PARTNER);
        }
        Map<String, String> params = parse(data);
        String action = params.getOrDefault("action", "");
        PostbackHandler handler = handlers.get(action);
        if (handler == null) {
            return new LineReply.Text(UNKNOWN_ACTION);
        }
        return handler.handle(tapper, action, params);
    }

    static Map<String, String> parse(String data) {
        Map<String, String> params = new HashMap<>();
        if (data == null) {
            return params;
        }
        for (String pair : data.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                Function<String, String> decode = s -> URLDecoder.decode(s, StandardCharsets.UTF_8);
                params.put(decode.apply(pair.substring(0, eq)), decode.apply(pair.substring(eq + 1)));
            }
        }
        return params;
    }
}
