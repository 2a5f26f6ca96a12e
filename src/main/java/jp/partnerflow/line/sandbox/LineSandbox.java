package jp.partnerflow.line.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of the local LINE sandbox, in memory (it is for trying the service on one machine): each
 * LINE user's chat as the service pushed and replied to it, the reply tokens handed out with webhook
 * events, and the LINE Login codes given out by the sandbox's authorize page.
 */
@Component
@ConditionalOnProperty("partnerflow.line.sandbox.enabled")
public class LineSandbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message in a user's chat: its text and buttons, as LINE would show them. */
    public record ChatMessage(Instant at, String text, List<Button> buttons) {
    }

    /** A button: a postback (data) or a link (uri). */
    public record Button(String label, String data, String uri) {
    }

    /** A login the authorize page granted, waiting for the service to exchange its code. */
    record Grant(String lineUserId, String email, String name, String nonce) {
    }

    private final Map<String, List<ChatMessage>> chats = new ConcurrentHashMap<>();
    private final Map<String, String> replyTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> richMenus = new ConcurrentHashMap<>();
    private final Map<String, byte[]> richMenuImages = new ConcurrentHashMap<>();
    private volatile String defaultRichMenu;
    private final AtomicLong pushes = new AtomicLong();

    /** A rich menu area as the chat shows it: its label and where it leads. */
    public record MenuArea(String label, String uri) {
    }

    String createRichMenu(JsonNode menu) {
        String id = "richmenu-" + UUID.randomUUID().toString().replace("-", "");
        richMenus.put(id, ((ObjectNode) menu.deepCopy()).put("richMenuId", id));
        return id;
    }

    List<JsonNode> richMenus() {
        return List.copyOf(richMenus.values());
    }

    boolean richMenuImage(String id, byte[] image) {
        if (!richMenus.containsKey(id)) {
            return false;
        }
        richMenuImages.put(id, image);
        return true;
    }

    boolean defaultRichMenu(String id) {
        if (!richMenus.containsKey(id)) {
            return false;
        }
        defaultRichMenu = id;
        return true;
    }

    void deleteRichMenu(String id) {
        richMenus.remove(id);
        richMenuImages.remove(id);
    }

    /** The default menu's image, if one is set. */
    public byte[] defaultRichMenuImage() {
        return defaultRichMenu == null ? null : richMenuImages.get(defaultRichMenu);
    }

    /** The default menu's areas, as the chat shows them under the messages. */
    public List<MenuArea> defaultRichMenuAreas() {
        JsonNode menu = defaultRichMenu == null ? null : richMenus.get(defaultRichMenu);
        List<MenuArea> areas = new ArrayList<>();
        if (menu != null) {
            menu.path("areas").forEach(area -> areas.add(new MenuArea(area.path("action").path("label").asText(),
                    area.path("action").path("uri").asText())));
        }
        return areas;
    }

    /** A push (replies are free): what the quota's consumption counts. */
    void pushed() {
        pushes.incrementAndGet();
    }

    long pushes() {
        return pushes.get();
    }

    /** A push or reply the service sent: its messages, as JSON of the Messaging API. */
    void received(String lineUserId, JsonNode messages) {
        for (JsonNode message : messages) {
            chats.computeIfAbsent(lineUserId, u -> new CopyOnWriteArrayList<>()).add(chatMessage(message));
        }
    }

    public List<ChatMessage> chat(String lineUserId) {
        return List.copyOf(chats.getOrDefault(lineUserId, List.of()));
    }

    public List<String> users() {
        return chats.keySet().stream().sorted().toList();
    }

    String replyTokenFor(String lineUserId) {
        String token = "sandbox-reply-" + UUID.randomUUID();
        replyTokens.put(token, lineUserId);
        return token;
    }

    String userOfReplyToken(String token) {
        return replyTokens.remove(token);
    }

    String grant(String lineUserId, String email, String name, String nonce) {
        String code = "sandbox-code-" + UUID.randomUUID();
        grants.put(code, new Grant(lineUserId, email, name, nonce));
        return code;
    }

    Grant redeem(String code) {
        return grants.remove(code);
    }

    /** A web ID token as LINE Login issues it: HS256 with the login channel's secret. */
    static String idToken(Grant grant, String channelId, String channelSecret, Instant now) {
        ObjectNode claims = JSON.createObjectNode().put("iss", "https://access.line.me").put("sub", grant.lineUserId())
                .put("aud", channelId).put("exp", now.getEpochSecond() + 3600).put("iat", now.getEpochSecond())
                .put("nonce", grant.nonce()).put("name", grant.name()).put("email", grant.email());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signed + "." + b64.encodeToString(hmac(channelSecret, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** x-line-signature of a webhook body. */
    static String signature(String channelSecret, String body) {
        return Base64.getEncoder().encodeToString(hmac(channelSecret, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChatMessage chatMessage(JsonNode message) {
        List<Button> buttons = new ArrayList<>();
        String text;
        if ("template".equals(message.path("type").asText())) {
            JsonNode template = message.path("template");
            String title = template.path("title").asText("");
            text = (title.isEmpty() ? "" : title + "\n") + template.path("text").asText("");
            for (JsonNode action : template.path("actions")) {
                buttons.add(new Button(action.path("label").asText(), action.path("data").asText(null),
                        action.path("uri").asText(null)));
            }
        } else if ("flex".equals(message.path("type").asText())) {
            // a bubble read as the phone shows it: header and body line by line (a row as 「label：value」), the footer's buttons
            List<String> lines = new ArrayList<>();
            JsonNode bubble = message.path("contents");
            for (String block : List.of("header", "body")) {
                flexLines(bubble.path(block), lines);
            }
            for (JsonNode button : bubble.path("footer").path("contents")) {
                JsonNode action = button.path("action");
                buttons.add(new Button(action.path("label").asText(), action.path("data").asText(null),
                        action.path("uri").asText(null)));
            }
            text = String.join("\n", lines);
        } else {
            text = message.path("text").asText("");
        }
        return new ChatMessage(Instant.now(), text, List.copyOf(buttons));
    }

    private static void flexLines(JsonNode component, List<String> lines) {
        switch (component.path("type").asText()) {
        case "text" -> lines.add(component.path("text").asText());
        case "box" -> {
            if ("baseline".equals(component.path("layout").asText()) || "horizontal".equals(component.path("layout").asText())) {
                List<String> parts = new ArrayList<>();
                component.path("contents").forEach(child -> parts.add(child.path("text").asText()));
                lines.add(String.join("：", parts));
            } else {
                component.path("contents").forEach(child -> flexLines(child, lines));
            }
        }
        default -> {
        }
        }
    }
}
