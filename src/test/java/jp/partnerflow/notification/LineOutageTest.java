package jp.partnerflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * LINE down for longer than the retries last — answering 429 (rate limit), or not answering within
 * the timeout: the delivery is retried with back-off, then it is an incident; once LINE is back, the
 * operator retries the incident as Cockpit does (engine REST, job retries) and the notice is
 * delivered once, with its one retry key.
 */
class LineOutageTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RuntimeService runtime;

    @Test
    void rateLimitedUntilTheRetriesAreSpentThenRetriedFromCockpitAfterTheOutage() {
        outageThenRetryFromCockpit(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The API rate limit has been exceeded. Try again later.\"}"), "LINE answered 429");
    }

    @Test
    void notAnsweringUntilTheRetriesAreSpentThenRetriedFromCockpitAfterTheOutage() {
        // the tests' LINE timeout is 2 s
        outageThenRetryFromCockpit(aResponse().withStatus(200).withFixedDelay(3_500)
                .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[]}"), "LINE");
    }

    private void outageThenRetryFromCockpit(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder outage,
            String reason) {
        String user = Api.newLineUserId();
        StubMapping down = LINE.stubFor(pushTo(user).atPriority(1).willReturn(outage));
        long partner = api.partner(api.company(true), user);
        api.order(partner);

        long notice = await().atMost(PATIENCE).until(() -> notices(partner), n -> n.size() == 1).get(0).get("id").asLong();
        String delivery = await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("% / 通知" + notice).singleResult(), p -> p != null).getId();
        Incident incident = await().atMost(PATIENCE).until(
                () -> runtime.createIncidentQuery().processInstanceId(delivery).singleResult(), i -> i != null);
        JsonNode failed = line(partner);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).contains(reason);
        int attempts = pushesTo(user).size();
        assertThat(attempts).as("first attempt and the retries").isGreaterThanOrEqualTo(4);
        // mail and in-app were never held up by LINE
        assertThat(notices(partner).get(0).get("deliveries").findValuesAsText("status")).contains("DELIVERED");

        // LINE is back; the operator retries the incident
        LINE.removeStub(down);
        assertThat(api.put("/engine-rest/job/" + incident.getConfiguration() + "/retries", "{\"retries\":1}").status())
                .isEqualTo(204);

        await().atMost(PATIENCE).until(() -> line(partner).get("status").asText().equals("DELIVERED"));
        assertThat(runtime.createIncidentQuery().processInstanceId(delivery).count()).isZero();
        assertThat(pushesTo(user)).hasSizeGreaterThan(attempts)
                .extracting(p -> p.getHeader("X-Line-Retry-Key")).containsOnly(failed.get("retryKey").asText());
    }

    private JsonNode line(long partner) {
        JsonNode deliveries = notices(partner).get(0).get("deliveries");
        for (JsonNode delivery : deliveries) {
            if (delivery.get("channel").asText().equals("LINE")) {
                return delivery;
            }
        }
        throw new AssertionError("no LINE delivery in " + deliveries);
    }

    private java.util.List<JsonNode> notices(long partner) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        api.get("/api/partners/" + partner + "/notices").json().forEach(all::add);
        return all;
    }

    private static MappingBuilder pushTo(String user) {
        return post(urlEqualTo("/v2/bot/message/push")).withRequestBody(matchingJsonPath("$.to",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(user)));
    }
}
