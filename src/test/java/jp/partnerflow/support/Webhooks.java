package jp.partnerflow.support;

import java.util.UUID;

/** Webhook bodies as LINE sends them. */
public final class Webhooks {
    private Webhooks() {
    }

    public static String newEventId() {
        return "01" + UUID.randomUUID().toString().replace("-", "").toUpperCase().substring(0, 24);
    }

    public static String postback(String eventId, String lineUserId, String data) {
        return body(event(eventId, lineUserId, "postback", "\"replyToken\":\"reply-" + eventId + "\",\"postback\":{\"data\":\"" + data + "\"}"));
    }

    public static String follow(String eventId, String lineUserId) {
        return body(event(eventId, lineUserId, "follow", "\"replyToken\":\"reply-" + eventId + "\",\"follow\":{\"isUnblocked\":false}"));
    }

    public static String unfollow(String eventId, String lineUserId) {
        return body(event(eventId, lineUserId, "unfollow", null));
    }

    public static String body(String... events) {
        return "{\"destination\":\"U0000000000000000000000000000000f\",\"events\":[" + String.join(",", events) + "]}";
    }

    public static String event(String eventId, String lineUserId, String type, String extra) {
        return "{\"type\":\"" + type + "\",\"mode\":\"active\",\"timestamp\":1764000000000,"
                + "\"source\":{\"type\":\"user\",\"userId\":\"" + lineUserId + "\"},"
                + "\"webhookEventId\":\"" + eventId + "\",\"deliveryContext\":{\"isRedelivery\":false}"
                + (extra == null ? "" : "," + extra) + "}";
    }
}
