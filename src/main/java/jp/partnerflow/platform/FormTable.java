package jp.partnerflow.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rows of a table in a Tasklist form (a form-js table reads a JSON variable): each row text by
 * column key, as the form's columns name them.
 */
public final class FormTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormTable() {
    }

    /** One row: key, text, key, text, … */
    public static Map<String, String> row(String... keysAndTexts) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            row.put(keysAndTexts[i], keysAndTexts[i + 1] == null ? "" : keysAndTexts[i + 1]);
        }
        return row;
    }

    public static JsonValue of(List<Map<String, String>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
