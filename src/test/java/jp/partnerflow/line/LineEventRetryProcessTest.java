package jp.partnerflow.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.partnerflow.support.ProcessTestEngine;

/**
 * bpmn/line-event-retry.bpmn: a partner's LINE event whose first processing failed is processed again
 * in a job, with the back-off of {@code ${retryLineEvent.retryCycle}}; when the retries are spent it
 * is an incident, and Cockpit's retry processes it once the cause is gone.
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/line-event-retry.bpmn")
class LineEventRetryProcessTest {
    private final Retry retry = new Retry();

    /** The event's processing as the model calls it ({@code ${retryLineEvent}}). */
    public static final class Retry implements JavaDelegate {
        final List<String> processed = new ArrayList<>();
        int failures;

        public String getRetryCycle() {
            return "PT10S,PT1M";
        }

        @Override
        public void execute(DelegateExecution execution) {
            if (failures-- > 0) {
                throw new IllegalStateException("the feature is down");
            }
            processed.add((String) execution.getVariable(RetryLineEvent.WEBHOOK_EVENT_ID));
        }
    }

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(new Date(1_764_550_800_000L));
        Mocks.register("retryLineEvent", retry);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theEventIsProcessedAgainInAJob() {
        ProcessInstance event = start("ev-1");
        assertThat(event).isWaitingAt("Task_ProcessLineEvent");
        assertThat(retry.processed).isEmpty();

        managementService().executeJob(job(event).getId());

        assertThat(event).isEnded().hasPassed("EndEvent_EventProcessed");
        assertThat(retry.processed).containsExactly("ev-1");
    }

    @Test
    void spentRetriesAreAnIncidentAndCockpitsRetryProcessesItOnce() {
        retry.failures = 3;
        ProcessInstance event = start("ev-2");
        fail(event);
        assertThat(job(event).getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 10_000));
        fail(event);
        assertThat(job(event).getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        fail(event);
        assertThat(job(event).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(event.getId()).singleResult()
                .getIncidentMessage()).contains("the feature is down");

        // the cause is gone; "Retry" in Cockpit gives the job a retry
        managementService().setJobRetries(job(event).getId(), 1);
        managementService().executeJob(job(event).getId());
        assertThat(event).isEnded();
        assertThat(retry.processed).containsExactly("ev-2");
    }

    private static ProcessInstance start(String webhookEventId) {
        return runtimeService().startProcessInstanceByKey(RetryLineEvent.PROCESS_ID, webhookEventId,
                Map.of(RetryLineEvent.WEBHOOK_EVENT_ID, webhookEventId));
    }

    private static void fail(ProcessInstance event) {
        try {
            managementService().executeJob(job(event).getId());
        } catch (RuntimeException expected) {
            // the job failed; Camunda keeps it with one retry less
        }
    }
}
