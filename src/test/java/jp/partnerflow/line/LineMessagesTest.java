package jp.partnerflow.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.Message;

/**
 * Every kind of notice, built as it is pushed, checked against LINE's Messaging API schema — the SDK's
 * model types, generated from LINE's published OpenAPI document, must read it back unchanged (a type,
 * property or value the schema does not have would not survive the round trip) — and against the limits LINE documents for messages (alt text, text lengths,
 * labels, postback data, URIs, bubble size, action counts).
 */
class LineMessagesTest {
    /** The SDK's own mapper: a property its schema types do not know is dropped, so the round trip shows it. */
    private static final ObjectMapper SDK = ModelObjectMapper.createNewObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String SENDER = "株式会社テスト・パートナーズ・ホールディングス・ジャパン";
    private static final String LONG_REASON = "交通費の領収書が添付されていません。".repeat(40);

    @Test
    void anOrderToConfirmIsABubbleWithItsFiguresAndTheTwoAnswers() throws Exception {
        JsonNode order = checked(LineMessenger.flex(SENDER, "発注書を確認してください", new LineCard("Webサイト改修", List.of(
                LineCard.row("発注番号", "PO-202612-00001"), LineCard.row("期間", "2026年12月1日〜2027年3月31日"),
                LineCard.row("報酬", "月額300,000円（税抜）"), LineCard.row("消費税", "10%")), null),
                List.of(LineButton.postback("承認する", "action=approve-order&order=1"),
                        LineButton.postback("辞退する", "action=decline-order&order=1"))));
        assertThat(order.get("type").asText()).isEqualTo("flex");
        assertThat(order.get("altText").asText()).startsWith("【" + SENDER + "】発注書を確認してください：Webサイト改修")
                .contains("期間 2026年12月1日〜2027年3月31日", "報酬 月額300,000円（税抜）");
        assertThat(order.toString()).contains("2026年12月1日〜2027年3月31日", "action=approve-order&order=1", "辞退する");
    }

    @Test
    void aPaymentNoticeAndAReturnedInvoiceCarryTheirFiguresAndTheReasonInFull() throws Exception {
        JsonNode notice = checked(LineMessenger.flex(SENDER, "支払通知書を確認してください", new LineCard("2026年12月分の支払通知書",
                List.of(LineCard.row("番号", "PN-202612-00001"), LineCard.row("お支払額", "299,370円"),
                        LineCard.row("お支払日", "1月31日"), LineCard.row("確認期限", "12月6日（日）")), null),
                List.of(LineButton.postback("承認する", "action=approve-payment-notice&notice=1"),
                        LineButton.link("内容を見る", URI.create("https://partnerflow.example.jp/partner/payment-notices/1")))));
        assertThat(notice.get("altText").asText()).contains("お支払額 299,370円", "お支払日 1月31日", "確認期限 12月6日（日）");

        JsonNode returned = checked(LineMessenger.flex(SENDER, "請求書が差し戻されました", new LineCard("2026年12月分の請求書",
                List.of(LineCard.row("番号", "INV-202612-00001")), "差し戻しの理由：" + LONG_REASON),
                List.of(LineButton.link("請求書を修正する", URI.create("https://partnerflow.example.jp/partner/invoices/1")))));
        assertThat(returned.toString()).contains(LONG_REASON);
    }

    @Test
    void plainNoticesAndRepliesKeepTheirLimitsToo() throws Exception {
        checked(LineMessenger.message(SENDER, "業務報告が作成されました", "2026年12月分\n" + LONG_REASON, List.of()));
        checked(LineMessenger.message(SENDER, "請求書を作成してください", "2026年12月分（締め日 12月31日）\n" + LONG_REASON,
                List.of(LineButton.link("請求書を作成する", URI.create("https://partnerflow.example.jp/partner/invoices/new")))));
        checked(LineMessenger.message(new LineReply.Confirm("最終確認\n" + LONG_REASON,
                LineButton.postback("実行する", "action=confirm-approve-order&order=1"),
                LineButton.postback("キャンセル", "action=keep-order&order=1"))));
    }

    /** The message as JSON, after both checks. */
    private static JsonNode checked(Message message) throws Exception {
        String json = SDK.writeValueAsString(message);
        JsonNode tree = SDK.readTree(json);
        Message read = SDK.readValue(json, Message.class);
        assertThat(SDK.readTree(SDK.writeValueAsString(read))).as("as LINE's schema reads it").isEqualTo(tree);
        List<String> problems = new ArrayList<>();
        Limits.of(tree, problems);
        assertThat(problems).as(json).isEmpty();
        return tree;
    }

    /** LINE's documented limits for the message types the service sends. */
    private static final class Limits {
        private static final Set<String> FLEX_COMPONENTS = Set.of("box", "text", "button", "separator");

        static void of(JsonNode message, List<String> problems) {
            switch (message.get("type").asText()) {
            case "text" -> length(message, "text", 1, 5000, problems);
            case "template" -> {
                length(message, "altText", 1, 400, problems);
                JsonNode template = message.get("template");
                boolean titled = template.hasNonNull("title");
                int max = "confirm".equals(template.get("type").asText()) ? 240 : titled ? 60 : 160;
                length(template, "text", 1, max, problems);
                actions(template.get("actions"), "confirm".equals(template.get("type").asText()) ? 2 : 4, 20, problems);
            }
            case "flex" -> {
                length(message, "altText", 1, 400, problems);
                JsonNode bubble = message.get("contents");
                if (!"bubble".equals(bubble.get("type").asText())) {
                    problems.add("contents is not a bubble");
                }
                if (bubble.toString().getBytes(StandardCharsets.UTF_8).length > 30 * 1024) {
                    problems.add("bubble over 30 KB");
                }
                for (String block : List.of("header", "body", "footer")) {
                    if (bubble.has(block)) {
                        component(bubble.get(block), problems);
                    }
                }
            }
            default -> problems.add("unexpected message type " + message.get("type"));
            }
        }

        private static void component(JsonNode component, List<String> problems) {
            String type = component.get("type").asText();
            if (!FLEX_COMPONENTS.contains(type)) {
                problems.add("unexpected component " + type);
            }
            switch (type) {
            case "box" -> {
                if (!component.has("contents") || component.get("contents").isEmpty()) {
                    problems.add("a box without contents");
                } else {
                    component.get("contents").forEach(child -> component(child, problems));
                }
            }
            case "text" -> length(component, "text", 1, Integer.MAX_VALUE, problems);
            case "button" -> action(component.get("action"), 40, problems);
            default -> {
            }
            }
        }

        private static void actions(JsonNode actions, int max, int labelMax, List<String> problems) {
            if (actions == null || actions.isEmpty() || actions.size() > max) {
                problems.add("1 to " + max + " actions expected");
                return;
            }
            actions.forEach(action -> action(action, labelMax, problems));
        }

        private static void action(JsonNode action, int labelMax, List<String> problems) {
            length(action, "label", 1, labelMax, problems);
            switch (action.get("type").asText()) {
            case "postback" -> length(action, "data", 1, 300, problems);
            case "uri" -> {
                length(action, "uri", 1, 1000, problems);
                if (!action.get("uri").asText().matches("(https?|line|tel):.*")) {
                    problems.add("uri scheme " + action.get("uri"));
                }
            }
            default -> problems.add("unexpected action " + action.get("type"));
            }
        }

        private static void length(JsonNode node, String field, int min, int max, List<String> problems) {
            int length = node.hasNonNull(field) ? node.get(field).asText().length() : 0;
            if (length < min || length > max) {
                problems.add(field + " has " + length + " characters (" + min + "–" + max + ")");
            }
        }
    }
}
