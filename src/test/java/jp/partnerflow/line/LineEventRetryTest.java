package jp.partnerflow.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/** A LINE event whose processing fails is retried by Camunda and, when that is spent, is an incident. */
class LineEventRetryTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    FlakyPostbacks feature;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @AfterEach
    void featureIsBack() {
        feature.failNext(0);
    }

    @Test
    void anEventThatFailsOnceIsProcessedByItsRetry() {
        String user = Api.newLineUserId();
        api.partner(api.company(true), user);
        int before = feature.handled();
        feature.failNext(1);

        String event = tap(user);

        await().atMost(PATIENCE).until(() -> status(event).equals("PROCESSED"));
        assertThat(feature.handled()).isEqualTo(before + 1);
        await().atMost(PATIENCE).until(() -> repliesTo(event).size() == 1);
        assertThat(repliesTo(event).get(0).getBodyAsString()).contains(FlakyPostbacks.DONE);
        assertThat(runtime.createIncidentQuery().processInstanceId(retryInstance(event)).count()).isZero();
    }

    @Test
    void anEventThatKeepsFailingIsAnIncidentAndCockpitsRetryProcessesItOnce() {
        String user = Api.newLineUserId();
        api.partner(api.company(true), user);
        int before = feature.handled();
        feature.failNext(Integer.MAX_VALUE);

        String event = tap(user);

        String instance = retryInstance(event);
        Incident incident = await().atMost(PATIENCE)
                .until(() -> runtime.createIncidentQuery().processInstanceId(instance).singleResult(), i -> i != null);
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_ProcessLineEvent");
        assertThat(incident.getIncidentMessage()).startsWith("山田 太郎 / LINE postback / " + event + " / ")
                .contains("flaky feature is down");
        assertThat(status(event)).isEqualTo("RETRYING");
        assertThat(feature.handled()).isEqualTo(before);

        // the cause is fixed; the operator presses "Retry" in Cockpit
        feature.failNext(0);
        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        management.setJobRetries(job.getId(), 1);

        await().atMost(PATIENCE).until(() -> status(event).equals("PROCESSED"));
        assertThat(feature.handled()).isEqualTo(before + 1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    private String tap(String user) {
        return postback(user, "action=" + FlakyPostbacks.ACTION);
    }

    private String status(String eventId) {
        return jdbc.sql("SELECT status FROM line_webhook_event WHERE webhook_event_id = ?").param(eventId)
                .query(String.class).single();
    }

    /** The event's line-event-retry instance, running or ended. */
    private String retryInstance(String eventId) {
        return await().atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(RetryLineEvent.PROCESS_ID).processInstanceBusinessKeyLike("% / " + eventId).singleResult(),
                instance -> instance != null).getId();
    }
}
