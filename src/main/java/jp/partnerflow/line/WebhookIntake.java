package jp.partnerflow.line;

import java.io.IOException;
import java.time.Clock;

import org.springframework.stereotype.Service;

import com.linecorp.bot.parser.WebhookParseException;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.ReplyEvent;
import com.linecorp.bot.webhook.model.UnfollowEvent;

/** Checks, stores and hands on webhook calls; the work happens after the answer, in {@link WebhookEventProcessor}. */
@Service
class WebhookIntake {
    enum Outcome {
        ACCEPTED, BAD_SIGNATURE, UNREADABLE
    }

    private final WebhookSignature signature;
    private final WebhookParser parser;
    private final WebhookEvents events;
    private final WebhookEventProcessor processor;
    private final Clock clock;

    WebhookIntake(WebhookSignature signature, WebhookParser parser, WebhookEvents events,
            WebhookEventProcessor processor, Clock clock) {
        this.signature = signature;
        this.parser = parser;
        this.events = events;
        this.processor = processor;
        this.clock = clock;
    }

    /** Each event is stored by a statement of its own and handed on once it is committed. */
    Outcome receive(String signatureHeader, byte[] body) {
        if (!signature.isValid(body, signatureHeader)) {
            return Outcome.BAD_SIGNATURE;
        }
        CallbackRequest callback;
        try {
            callback = parser.handle(signatureHeader, body);
        } catch (IOException | WebhookParseException | RuntimeException e) {
            return Outcome.UNREADABLE;
        }
        for (Event event : callback.events()) {
            if (event.webhookEventId() == null) {
                continue;
            }
            boolean redelivery = event.deliveryContext() != null && Boolean.TRUE.equals(event.deliveryContext().isRedelivery());
            String userId = event.source() == null ? null : event.source().userId();
            String replyToken = event instanceof ReplyEvent reply ? reply.replyToken() : null;
            String postbackData = event instanceof PostbackEvent postback ? postback.postback().data() : null;
            if (events.storeIfNew(event.webhookEventId(), typeOf(event), userId, replyToken, postbackData, redelivery,
                    clock.instant())) {
                processor.submit(event.webhookEventId());
            }
        }
        return Outcome.ACCEPTED;
    }

    private static String typeOf(Event event) {
        if (event instanceof PostbackEvent) {
            return WebhookEventProcessor.POSTBACK;
        }
        if (event instanceof FollowEvent) {
            return WebhookEventProcessor.FOLLOW;
        }
        if (event instanceof UnfollowEvent) {
            return WebhookEventProcessor.UNFOLLOW;
        }
        return event.getClass().getSimpleName();
    }
}
