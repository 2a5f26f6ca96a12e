package jp.partnerflow.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** Notices pushed to a wire-level fake of the LINE Messaging API. */
class LineDeliveryTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RuntimeService runtime;

    @Test
    void pushCarriesTheTokenTheRetryKeyAndTheJapaneseNotice() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        api.order(partner);

        JsonNode delivery = awaitDelivery(partner, "DELIVERED");
        List<LoggedRequest> pushes = pushesTo(user);
        assertThat(pushes).hasSize(1);
        LoggedRequest push = pushes.get(0);
        assertThat(push.getHeader("Authorization")).isEqualTo("Bearer " + CHANNEL_TOKEN);
        assertThat(push.getHeader("X-Line-Retry-Key")).isEqualTo(delivery.get("retryKey").asText());
        assertThat(UUID.fromString(push.getHeader("X-Line-Retry-Key"))).isNotNull();
        String body = push.getBodyAsString();
        assertThat(body).contains("発注書を確認してください", "Webサイト改修", "承認する", "辞退する");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void lineFailingTwiceThenAcceptingDeliversExactlyOnceWithOneRetryKey() {
        String user = Api.newLineUserId();
        String scenario = "flaky-" + user;
        LINE.stubFor(pushTo(user).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"internal error\"}"))
                .willSetStateTo("failed once"));
        LINE.stubFor(pushTo(user).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"internal error\"}"))
                .willSetStateTo("failed twice"));
        LINE.stubFor(pushTo(user).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sentMessages\":[{\"id\":\"9\",\"quoteToken\":\"q\"}]}")));
        long partner = api.partner(api.company(true), user);
        api.order(partner);

        JsonNode delivery = awaitDelivery(partner, "DELIVERED");
        List<LoggedRequest> pushes = pushesTo(user);
        assertThat(pushes).hasSize(3);
        assertThat(pushes).extracting(p -> p.getHeader("X-Line-Retry-Key")).containsOnly(delivery.get("retryKey").asText());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.has("failureReason")).isFalse();
    }

    @Test
    void conflictMeansLineAlreadyAcceptedThisRetryKey() {
        String user = Api.newLineUserId();
        LINE.stubFor(pushTo(user).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The retry key is already accepted\"}")));
        long partner = api.partner(api.company(true), user);
        api.order(partner);

        awaitDelivery(partner, "DELIVERED");
        assertThat(pushesTo(user)).hasSize(1);
    }

    @Test
    void refusedPushEndsAsAnIncidentAndTheDeliveryShowsWhy() {
        String user = Api.newLineUserId();
        LINE.stubFor(pushTo(user).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The request body has 1 error(s)\",\"details\":[{\"message\":\"invalid user\",\"property\":\"to\"}]}")));
        long partner = api.partner(api.company(true), user);
        api.order(partner);

        long noticeId = await().atMost(PATIENCE).until(() -> notices(partner), n -> n.size() == 1).get(0).get("id").asLong();
        // the first attempt failed: the delivery is in Camunda's hands
        String processInstance = await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike("% / 通知" + noticeId).singleResult(), p -> p != null).getId();
        Incident incident = await().atMost(PATIENCE).until(
                () -> runtime.createIncidentQuery().processInstanceId(processInstance).singleResult(), i -> i != null);
        assertThat(incident.getActivityId()).isEqualTo("Task_DeliverNotice");
        // Cockpit's incident list names the partner, the notice and the channel before LINE's answer
        assertThat(incident.getIncidentMessage())
                .startsWith("山田 太郎 / 発注書を確認してください / LINE / 通知" + noticeId + " / ").contains("400");

        JsonNode delivery = notices(partner).get(0).get("deliveries").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
        assertThat(delivery.get("failureReason").asText()).contains("LINE answered 400", "invalid user");
        assertThat(pushesTo(user)).hasSizeGreaterThan(1)
                .extracting(p -> p.getHeader("X-Line-Retry-Key")).containsOnly(delivery.get("retryKey").asText());
    }

    @Test
    void aDeliveryNoSenderTookIsSweptAndSentWithItsRetryKey() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        api.order(partner);
        JsonNode delivery = awaitDelivery(partner, "DELIVERED");
        // as if the node stopped after the commit and before the push was recorded
        jdbc.sql("UPDATE notice_delivery SET status = 'PENDING', created_at = created_at - INTERVAL '1' HOUR WHERE id = ?")
                .param(delivery.get("id").asLong()).update();

        awaitDelivery(partner, "DELIVERED");
        assertThat(pushesTo(user)).hasSize(2)
                .extracting(p -> p.getHeader("X-Line-Retry-Key")).containsOnly(delivery.get("retryKey").asText());
    }

    @Test
    void withoutTheCompanysLineOptionTheNoticeIsInAppAndByMailOnly() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(false), user);
        api.order(partner);

        JsonNode notice = notices(partner).get(0);
        assertThat(notice.get("title").asText()).isEqualTo("発注書を確認してください");
        assertThat(notice.get("deliveries").findValuesAsText("channel")).containsExactly("MAIL");
        assertThat(pushesTo(user)).isEmpty();
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder pushTo(String user) {
        return post(urlEqualTo("/v2/bot/message/push")).atPriority(1).withRequestBody(matchingJsonPath("$.to", 
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(user)));
    }

    private List<JsonNode> notices(long partner) {
        Api.Response r = api.get("/api/partners/" + partner + "/notices");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        r.json().forEach(list::add);
        return list;
    }

    private JsonNode awaitDelivery(long partner, String status) {
        return await().atMost(PATIENCE).until(() -> {
            List<JsonNode> notices = notices(partner);
            return notices.isEmpty() || notices.get(0).get("deliveries").isEmpty() ? null
                    : notices.get(0).get("deliveries").get(0);
        }, d -> d != null && d.get("status").asText().equals(status));
    }
}
