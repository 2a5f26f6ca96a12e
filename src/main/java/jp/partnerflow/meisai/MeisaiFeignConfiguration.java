package jp.partnerflow.meisai;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import feign.Logger;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;

/**
 * How 楽楽明細's answers are read (for {@link MeisaiApi} only, so not a {@code @Configuration}): a
 * maintenance answer — 503, or 200 with an HTML page saying {@code Status: 503 Maintenance mode} —
 * and other 5xx are {@link MeisaiUnavailableException} (retried); a 4xx with {@code errors[]} is a
 * {@link MeisaiRejectedException} carrying 楽楽明細's codes and messages. Nothing is logged: the
 * requests carry the API token.
 */
class MeisaiFeignConfiguration {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Bean
    Logger.Level meisaiLogLevel() {
        return Logger.Level.NONE;
    }

    /** The bodies are built whole by {@link MeisaiMultipart}: sent as they are. */
    @Bean
    Encoder meisaiEncoder() {
        return new Encoder.Default();
    }

    @Bean
    Decoder meisaiDecoder() {
        return (Response response, Type type) -> {
            String body = body(response);
            if (maintenancePage(body)) {
                throw new MeisaiUnavailableException("楽楽明細 is in maintenance (" + firstLine(body) + ")");
            }
            try {
                return JSON.readValue(body, JSON.constructType(type));
            } catch (IOException e) {
                throw new MeisaiUnavailableException("楽楽明細 answered what is not JSON: " + firstLine(body));
            }
        };
    }

    @Bean
    ErrorDecoder meisaiErrorDecoder() {
        return (String method, Response response) -> {
            String body = body(response);
            if (response.status() >= 500 || maintenancePage(body)) {
                return new MeisaiUnavailableException("楽楽明細 answered " + response.status() + " to " + method);
            }
            return new MeisaiRejectedException(response.status(), errors(body));
        };
    }

    static boolean maintenancePage(String body) {
        return body.stripLeading().startsWith("Status: 503");
    }

    private static List<MeisaiRejectedException.Error> errors(String body) {
        List<MeisaiRejectedException.Error> errors = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            for (JsonNode error : json.path("errors")) {
                List<String> details = new ArrayList<>();
                error.path("description").forEach(d -> details.add(
                        d.path("name").asText() + " " + d.path("code").asText() + " " + d.path("msg").asText()));
                errors.add(new MeisaiRejectedException.Error(error.path("code").asText(), error.path("msg").asText(), details));
            }
        } catch (IOException notJson) {
            errors.add(new MeisaiRejectedException.Error("", firstLine(body), List.of()));
        }
        return errors;
    }

    private static String body(Response response) {
        if (response.body() == null) {
            return "";
        }
        try {
            return Util.toString(response.body().asReader(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MeisaiUnavailableException("reading 楽楽明細's answer failed: " + e.getMessage());
        }
    }

    private static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
