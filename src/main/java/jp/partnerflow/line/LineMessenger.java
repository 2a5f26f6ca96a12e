package jp.partnerflow.line;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.client.base.UploadFile;
import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.Action;
import com.linecorp.bot.messaging.model.ButtonsTemplate;
import com.linecorp.bot.messaging.model.ConfirmTemplate;
import com.linecorp.bot.messaging.model.ErrorDetail;
import com.linecorp.bot.messaging.model.FlexBox;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexButton;
import com.linecorp.bot.messaging.model.FlexComponent;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.FlexSeparator;
import com.linecorp.bot.messaging.model.FlexText;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MessageQuotaResponse;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.QuotaConsumptionResponse;
import com.linecorp.bot.messaging.model.QuotaType;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.RichMenuRequest;
import com.linecorp.bot.messaging.model.RichMenuResponse;
import com.linecorp.bot.messaging.model.TemplateMessage;
import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.messaging.model.URIAction;

/** Sends messages to partners through the LINE Messaging API. */
public class LineMessenger {
    private static final Logger log = LoggerFactory.getLogger(LineMessenger.class);
    /** LINE's limits for a buttons template: title 40, text 60 with a title, 4 actions, labels 20. */
    /** A buttons template's text without a title or image; with a title LINE allows only 60. */
    private static final int TEXT_MAX = 160;
    private static final int LABEL_MAX = 20;
    /** A company's name as a notice's sender: long legal names are shortened, so the notice's own lines fit. */
    private static final int SENDER_MAX = 30;
    private static final int BUTTONS_MAX = 4;

    private final MessagingApiClient client;
    private final MessagingApiBlobClient files;
    private final Duration timeout;

    LineMessenger(MessagingApiClient client, MessagingApiBlobClient files, Duration timeout) {
        this.client = client;
        this.files = files;
        this.timeout = timeout;
    }

    /** False when no channel access token is configured. */
    public boolean enabled() {
        return client != null;
    }

    /**
     * Pushes one message. The retry key makes a repeated push of the same notice idempotent at LINE:
     * a duplicate answers 409, which means it was already accepted and counts as delivered here.
     *
     * @throws LinePushException when LINE refuses the push or cannot be reached
     */
    public void push(String to, UUID retryKey, String sender, String title, String text, List<LineButton> buttons,
            LineCard card) {
        requireEnabled();
        try {
            result(client.pushMessage(retryKey,
                    new PushMessageRequest(to, List.of(card == null ? message(sender, title, text, buttons)
                            : flex(sender, title, card, buttons)), false, null)));
        } catch (LinePushException e) {
            if (e.getCause() instanceof AbstractLineClientException line && line.getCode() == 409) {
                log.info("LINE already accepted push with retry key {}", retryKey);
                return;
            }
            if (monthlyLimit(e.getCause())) {
                throw new LineMonthlyLimitReached(e.getMessage(), e.getCause());
            }
            throw e;
        }
    }

    /** The official account's message quota this month and what it has used (LINE's month, in Japan). */
    public record Quota(boolean limited, long limit, long used) {
        public boolean exhausted() {
            return limited && used >= limit;
        }
    }

    /** Reads the account's quota and its use so far this month. */
    public Quota quota() {
        requireEnabled();
        MessageQuotaResponse quota = result(client.getMessageQuota());
        QuotaConsumptionResponse used = result(client.getMessageQuotaConsumption());
        boolean limited = quota.type() == QuotaType.LIMITED;
        return new Quota(limited, limited && quota.value() != null ? quota.value() : 0,
                used.totalUsage() == null ? 0 : used.totalUsage());
    }

    /** Waits for LINE's answer to a call; a refusal, a time-out or an interruption is a LinePushException saying which. */
    private <T> T result(CompletableFuture<Result<T>> call) {
        try {
            return call.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).body();
        } catch (ExecutionException e) {
            throw new LinePushException(describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new LinePushException("LINE did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinePushException("interrupted while calling LINE", e);
        }
    }

    // --- the rich menu (PartnerRichMenu) ------------------------------------------------------

    List<RichMenuResponse> richMenus() {
        requireEnabled();
        return result(client.getRichMenuList()).richmenus();
    }

    String createRichMenu(RichMenuRequest menu) {
        requireEnabled();
        return result(client.createRichMenu(menu)).richMenuId();
    }

    void setRichMenuImage(String richMenuId, byte[] png) {
        requireEnabled();
        result(files.setRichMenuImage(richMenuId, UploadFile.fromByteArray(png, "image/png")));
    }

    void setDefaultRichMenu(String richMenuId) {
        requireEnabled();
        result(client.setDefaultRichMenu(richMenuId));
    }

    void deleteRichMenu(String richMenuId) {
        requireEnabled();
        result(client.deleteRichMenu(richMenuId));
    }

    /** 429 is also LINE's rate limit; only this message means the month's quota is spent. */
    private static boolean monthlyLimit(Throwable cause) {
        return cause instanceof MessagingApiClientException api && api.getCode() == 429 && api.getError() != null
                && api.getError().toLowerCase(java.util.Locale.ROOT).contains("monthly limit");
    }

    /**
     * Answers a webhook event without waiting for LINE, so that a worker is free for the next event
     * while the reply is on its way. Reply tokens expire within a minute, so a failed reply is not
     * retried: the returned stage fails with a {@link LinePushException} saying why.
     */
    public CompletionStage<Void> reply(String replyToken, LineReply reply) {
        requireEnabled();
        // completed by hand, so that a caller's whenComplete sees the LinePushException itself, not wrapped
        CompletableFuture<Void> sent = new CompletableFuture<>();
        client.replyMessage(new ReplyMessageRequest(replyToken, List.of(message(reply)), false))
                .whenComplete((answered, failure) -> {
                    if (failure == null) {
                        sent.complete(null);
                    } else {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        sent.completeExceptionally(new LinePushException(describe(cause), cause));
                    }
                });
        return sent;
    }

    private void requireEnabled() {
        if (client == null) {
            throw new IllegalStateException("LINE delivery is disabled: no channel access token configured");
        }
    }

    /**
     * A notice: its title, then the company it comes from (one LINE user may be a partner of several),
     * then its text; the chat list and a watch show the alt text, which names both.
     */
    static Message message(String sender, String title, String text, List<LineButton> buttons) {
        String head = title + "\n【" + cut(sender, SENDER_MAX) + "】";
        String altText = "【" + cut(sender, SENDER_MAX) + "】" + title;
        if (buttons.isEmpty()) {
            return new TextMessage(head + "\n" + text);
        }
        List<Action> actions = buttons.stream().limit(BUTTONS_MAX).map(LineMessenger::action).toList();
        // the head as the text's first lines: a template title would leave the text 60 characters
        return new TemplateMessage(altText, new ButtonsTemplate(null, null, null, null, null,
                head + "\n" + fit(text, TEXT_MAX - head.length() - 1), null, actions));
    }

    /** Flex's limit on a button's label (a template's is 20). */
    private static final int FLEX_LABEL_MAX = 40;
    private static final int ALT_TEXT_MAX = 400;

    /**
     * A notice with figures as a Flex bubble: the company and the headline on top, what it is about,
     * its rows (label and value), the note in full, and the buttons. The alt text — what the chat
     * list and a watch show — carries the company, the headline and the essentials.
     */
    static FlexMessage flex(String sender, String title, LineCard card, List<LineButton> buttons) {
        List<FlexComponent> body = new ArrayList<>();
        body.add(text(card.subject()).weight(FlexText.Weight.BOLD).size("md").build());
        body.add(new FlexSeparator.Builder().margin("md").build());
        for (LineCard.Row row : card.rows()) {
            body.add(new FlexBox.Builder(FlexBox.Layout.BASELINE, List.of(
                    text(row.label()).size("sm").color("#888888").flex(2).build(),
                    text(row.value()).size("sm").color("#222222").flex(5).build())).spacing("sm").margin("sm").build());
        }
        if (card.note() != null && !card.note().isBlank()) {
            body.add(text(card.note()).size("sm").margin("md").build());
        }
        FlexBubble.Builder bubble = new FlexBubble.Builder()
                .header(new FlexBox.Builder(FlexBox.Layout.VERTICAL, List.of(
                        text(cut(sender, SENDER_MAX)).size("xs").color("#888888").build(),
                        text(title).weight(FlexText.Weight.BOLD).size("lg").color("#06C755").build())).build())
                .body(new FlexBox.Builder(FlexBox.Layout.VERTICAL, body).build());
        if (!buttons.isEmpty()) {
            List<FlexComponent> footer = new ArrayList<>();
            for (int i = 0; i < buttons.size() && i < BUTTONS_MAX; i++) {
                footer.add(new FlexButton.Builder(action(buttons.get(i), FLEX_LABEL_MAX))
                        .style(i == 0 ? FlexButton.Style.PRIMARY : FlexButton.Style.SECONDARY)
                        .height(FlexButton.Height.SM).margin("sm").color(i == 0 ? "#06C755" : null).build());
            }
            bubble.footer(new FlexBox.Builder(FlexBox.Layout.VERTICAL, footer).build());
        }
        String altText = cut("【" + cut(sender, SENDER_MAX) + "】" + title + "：" + card.essentials(), ALT_TEXT_MAX);
        return new FlexMessage(altText, bubble.build());
    }

    private static FlexText.Builder text(String text) {
        return new FlexText.Builder().text(text).wrap(true);
    }

    static Message message(LineReply reply) {
        if (reply instanceof LineReply.Link l) {
            return new TemplateMessage(cut(l.text(), 400), new ButtonsTemplate(null, null, null, null, null,
                    cut(l.text(), 160), null, List.of(action(LineButton.link(l.label(), l.uri())))));
        }
        if (reply instanceof LineReply.Confirm c) {
            return new TemplateMessage(cut(c.text(), 400),
                    new ConfirmTemplate(cut(c.text(), 240), List.of(action(c.yes()), action(c.no()))));
        }
        return new TextMessage(((LineReply.Text) reply).text());
    }

    private static Action action(LineButton button) {
        return action(button, LABEL_MAX);
    }

    private static Action action(LineButton button, int labelMax) {
        String label = cut(button.label(), labelMax);
        return button.uri() != null
                ? new URIAction(label, button.uri(), null)
                : new PostbackAction(label, button.postbackData(), label, null, null, null);
    }

    /**
     * A notice's text within LINE's limit: its first line (the name of the order or notice) is shortened
     * so that the lines after it (number, fee, period, amounts) arrive whole.
     */
    static String fit(String text, int max) {
        int firstBreak = text.indexOf('\n');
        if (text.length() <= max || firstBreak < 0) {
            return cut(text, max);
        }
        String rest = text.substring(firstBreak);
        return rest.length() + 2 <= max ? cut(text.substring(0, firstBreak), max - rest.length()) + rest : cut(text, max);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String describe(Throwable cause) {
        if (cause instanceof MessagingApiClientException api) {
            String details = api.getDetails() == null ? ""
                    : api.getDetails().stream().map(ErrorDetail::message).reduce((a, b) -> a + "; " + b)
                            .map(d -> " (" + d + ")").orElse("");
            return "LINE answered " + api.getCode() + ": " + api.getError() + details;
        }
        if (cause instanceof AbstractLineClientException line) {
            return "LINE answered " + line.getCode() + " with an unreadable body";
        }
        return "LINE could not be reached: " + cause;
    }
}
