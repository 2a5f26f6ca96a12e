package jp.partnerflow.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineMonthlyLimitFake;

/**
 * The official account's plan allows 10 more pushes this month and 50 notices are due: LINE takes
 * 10, the other 40 are skipped on LINE (not retried for an hour, not 40 incidents) while mail carries
 * all 50; one incident in Cockpit says so; the staff API shows the use against the limit; once the
 * plan grows, LINE notices go out again and the incident is gone.
 */
class LineMonthlyLimitTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<StubMapping> stubs = new ArrayList<>();

    @Autowired
    LineQuota quota;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void planAsBefore() {
        stubs.forEach(LINE::removeStub);
        LineMonthlyLimitFake.left(Integer.MAX_VALUE);
        quotaIs(100_000, 0);
        quota.checkRoom();
    }

    @Test
    void fiftyNoticesIntoALineThatReachesItsLimitAfterTen() {
        long company = api.company(true);
        List<Long> partners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            partners.add(api.partner(company, Api.newLineUserId()));
        }
        LineMonthlyLimitFake.left(10);
        quotaIs(1_000, 1_000);
        stubs.add(LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")
                        .withTransformers(LineMonthlyLimitFake.NAME))));
        long retriesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("notice-delivery").count();

        partners.forEach(api::order);

        String ids = partners.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<String, Long> line = await().atMost(PATIENCE).until(() -> deliveries("LINE", ids),
                d -> d.values().stream().mapToLong(Long::longValue).sum() == 50 && !d.containsKey("PENDING"));
        assertThat(line).containsExactlyInAnyOrderEntriesOf(Map.of("DELIVERED", 10L, "SKIPPED", 40L));
        assertThat(LineMonthlyLimitFake.accepted()).isEqualTo(10);
        assertThat(await().atMost(PATIENCE).until(() -> deliveries("MAIL", ids), d -> d.getOrDefault("DELIVERED", 0L) == 50))
                .containsOnlyKeys("DELIVERED");
        assertThat(jdbc.sql("SELECT DISTINCT failure_reason FROM notice_delivery d JOIN notice n ON n.id = d.notice_id "
                + "WHERE d.status = 'SKIPPED' AND n.partner_id IN (" + ids + ")").query(String.class).list())
                .allSatisfy(reason -> assertThat(reason).contains("monthly limit"));
        // one incident, no retries
        assertThat(runtime.createIncidentQuery().incidentType(LineQuota.INCIDENT_TYPE).list()).singleElement()
                .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("LINEの今月の送信上限に達しました"));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("notice-delivery").count())
                .isEqualTo(retriesBefore);

        // operators see the use against the limit; a company's staff do not
        JsonNode usage = api.get("/api/line/quota").json();
        assertThat(usage.get("limit").asLong()).isEqualTo(1_000);
        assertThat(usage.get("used").asLong()).isEqualTo(1_000);
        assertThat(usage.get("skipping").asBoolean()).isTrue();
        assertThat(staffOf(company, StaffGroups.ORDERING).get("/api/line/quota").status()).isEqualTo(403);

        // a bigger plan: the next check finds room, LINE notices go out again, the incident is gone
        LineMonthlyLimitFake.left(100);
        quotaIs(5_000, 1_000);
        quota.checkRoom();
        assertThat(runtime.createIncidentQuery().incidentType(LineQuota.INCIDENT_TYPE).count()).isZero();
        api.order(partners.get(0));
        await().atMost(PATIENCE).until(() -> LineMonthlyLimitFake.accepted() == 1);
        assertThat(api.get("/api/line/quota").json().get("skipping").asBoolean()).isFalse();
    }

    private void quotaIs(long limit, long used) {
        stubs.add(LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"type\":\"limited\",\"value\":" + limit + "}"))));
        stubs.add(LINE.stubFor(get(urlEqualTo("/v2/bot/message/quota/consumption")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"totalUsage\":" + used + "}"))));
    }

    private Map<String, Long> deliveries(String channel, String partnerIds) {
        return jdbc.sql("SELECT d.status, count(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id "
                + "WHERE d.channel = ? AND n.partner_id IN (" + partnerIds + ") GROUP BY d.status").param(channel)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
