package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.partnerflow.platform.ModelTimers;
import jp.partnerflow.support.ProcessTestEngine;

/**
 * bpmn/meisai-run.bpmn and bpmn/meisai-timers.bpmn: a run sends its records, looks at the imports
 * every 30 seconds until they are complete, updates the records and mails the report, each call in
 * a job of its own; a call 楽楽明細 keeps refusing is an incident; the timers' sweep runs the due runs
 * one after another, each named by its connection and number.
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = { "bpmn/meisai-run.bpmn", "bpmn/meisai-timers.bpmn" })
class MeisaiRunProcessTest {
    private final Runs runs = new Runs();

    /** The run steps as the model calls them ({@code ${meisaiRuns.…}}), recorded. */
    public static final class Runs {
        final List<String> steps = new ArrayList<>();
        final Deque<String> states = new ArrayDeque<>();
        int sendFailures;

        public String getRetryCycle() {
            return "PT1M,PT5M";
        }

        public String caseKey(long runId) {
            return "月次一括 / 実行" + runId;
        }

        public void started(long runId, String processInstanceId) {
            steps.add("started " + runId);
        }

        public void send(long runId) {
            if (sendFailures-- > 0) {
                throw new IllegalStateException("楽楽明細 answered 503");
            }
            steps.add("send " + runId);
        }

        public String state(long runId) {
            String state = states.isEmpty() ? "complete" : states.pop();
            steps.add("state " + runId + " " + state);
            return state;
        }

        public void completed(long runId) {
            steps.add("update " + runId);
        }

        public void reportCompleted(long runId) {
            steps.add("report " + runId);
        }
    }

    /** What the timers' sweep finds due ({@code ${meisaiTimers.takeDue()}}). */
    public static final class Timers {
        final List<Long> due;

        Timers(List<Long> due) {
            this.due = due;
        }

        public List<Long> takeDue() {
            return due;
        }
    }

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(new Date(1_764_550_800_000L));
        Mocks.register("meisaiRuns", runs);
        Mocks.register("modelTimers", new ModelTimers(""));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aRunSendsLooksEveryThirtySecondsUntilCompleteThenUpdatesAndReports() {
        runs.states.add("active");
        ProcessInstance run = runtimeService().startProcessInstanceByKey(MeisaiRunProcess.ID, Map.of(MeisaiRunProcess.RUN_ID, 7L));
        assertThat(runs.steps).containsExactly("started 7");
        assertThat(run).isWaitingAt("Task_SendRecords");

        execute(job(run));
        execute(job(run));
        assertThat(run).isWaitingAt("Timer_PollAgain");
        Job poll = job(run);
        assertThat(poll.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 30_000));
        execute(poll);
        execute(job(run));
        assertThat(run).isWaitingAt("Task_SendReportMail");
        execute(job(run));

        assertThat(run).isEnded().hasPassed("Task_UpdateRecords");
        assertThat(runs.steps).containsExactly("started 7", "send 7", "state 7 active", "state 7 complete", "update 7",
                "report 7");
    }

    @Test
    void aSendThatKeepsFailingIsAnIncidentAfterItsRetries() {
        runs.sendFailures = 10;
        ProcessInstance run = runtimeService().startProcessInstanceByKey(MeisaiRunProcess.ID, Map.of(MeisaiRunProcess.RUN_ID, 8L));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                managementService().executeJob(job(run).getId());
            } catch (RuntimeException expected) {
                // the job failed; Camunda keeps it with one retry less
            }
        }
        assertThat(job(run).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(run.getId()).singleResult()
                .getIncidentMessage()).contains("楽楽明細 answered 503");
        assertThat(runs.steps).containsExactly("started 8");
    }

    @Test
    void theTimersSweepRunsTheDueRunsOneAfterAnother() {
        Mocks.register("meisaiTimers", new Timers(List.of(3L, 4L)));
        Job everyMinute = managementService().createJobQuery().processDefinitionKey(MeisaiRunProcess.TIMERS_ID).singleResult();
        execute(everyMinute);
        ProcessInstance sweep = runtimeService().createProcessInstanceQuery().processDefinitionKey(MeisaiRunProcess.TIMERS_ID)
                .singleResult();

        // one run at a time: the second starts when the first has ended
        ProcessInstance first = only(sweep);
        assertThat(first.getBusinessKey()).isEqualTo("月次一括 / 実行3");
        finish(first);
        ProcessInstance second = only(sweep);
        assertThat(second.getBusinessKey()).isEqualTo("月次一括 / 実行4");
        finish(second);

        assertThat(sweep).isEnded().hasPassed("EndEvent_TimersDone");
        assertThat(historyService().createHistoricProcessInstanceQuery().superProcessInstanceId(sweep.getId()).list())
                .extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrder("月次一括 / 実行3", "月次一括 / 実行4");
        assertThat(runs.steps).containsSubsequence("started 3", "report 3", "started 4", "report 4");
    }

    private static ProcessInstance only(ProcessInstance sweep) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(sweep.getId()).singleResult();
    }

    /** Works a run's jobs off until it has ended. */
    private static void finish(ProcessInstance run) {
        Job next;
        while ((next = managementService().createJobQuery().processInstanceId(run.getId()).singleResult()) != null) {
            execute(next);
        }
    }
}
