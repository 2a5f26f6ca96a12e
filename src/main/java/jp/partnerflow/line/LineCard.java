package jp.partnerflow.line;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A notice's figures as LINE shows them in a Flex bubble rather than a wall of text: what it is about,
 * its rows (label and value, e.g. 期間, 報酬, お支払額, 確認期限), and a note shown in full (a return's
 * reason). Stored with the notice as JSON, so a retried push shows the same.
 */
public record LineCard(String subject, List<Row> rows, String note) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LineCard {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    public record Row(String label, String value) {
    }

    public static Row row(String label, String value) {
        return new Row(label, value);
    }

    /** What the chat list and a watch show: the subject and the rows' values, on one line. */
    public String essentials() {
        return subject + rows.stream().map(r -> " " + r.label() + " " + r.value()).collect(Collectors.joining());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The card stored with a notice; null for a notice without one. */
    public static LineCard fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, LineCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored notice card cannot be read: " + e.getMessage(), e);
        }
    }
}
