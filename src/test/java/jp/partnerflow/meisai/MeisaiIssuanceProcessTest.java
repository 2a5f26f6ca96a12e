package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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
 * Every path of bpmn/meisai-issuance.bpmn with dmn/meisai-issue-policy.dmn: new issue, replacement
 * of an issued notice, polling while the import runs, maintenance retried, a failed import and
 * spent retries as incidents. The steps are recorded; 楽楽明細's answers are scripted.
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = { "bpmn/meisai-issuance.bpmn", "dmn/meisai-issue-policy.dmn" })
class MeisaiIssuanceProcessTest {
    private final List<String> steps = new ArrayList<>();
    private final Deque<String> states = new ArrayDeque<>();
    private final Deque<RuntimeException> importFailures = new ArrayDeque<>();
    private final Deque<String> customerStates = new ArrayDeque<>();
    private String customerImport;

    @BeforeEach
    void registerSteps() {
        Mocks.register("modelTimers", new ModelTimers(""));
        Mocks.register("meisaiIssuance", new MeisaiIssuanceSteps() {
            public String importCustomer(long id) {
                steps.add(customerImport == null ? "customer unchanged" : "import customer");
                return customerImport;
            }
            public String customerImportState(long id, String importId) {
                String state = customerStates.pop();
                steps.add("customer " + state);
                return state;
            }
            public void customerCompleted(long id) { steps.add("customer recorded"); }
            public String importDocument(long id, int version, Map<String, Object> policy) {
                if (!importFailures.isEmpty()) {
                    throw importFailures.pop();
                }
                steps.add("import v" + version + " " + policy.get("importMethod"));
                return "R-1";
            }
            public String importState(long id, int version) {
                String state = states.pop();
                steps.add("state " + state);
                if (!state.equals("active") && !state.equals("complete")) {
                    throw new IllegalStateException("import R-1 ended as '" + state + "'");
                }
                return state;
            }
            public void completed(long id, int version) { steps.add("record updated"); }
            public void reportCompleted(long id, int version) { steps.add("report mail"); }
            public String getRetryCycle() { return "PT1M,PT5M"; }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aFirstIssueIsNewAndTheRecordIsUpdatedOnceComplete() {
        states.add("active");
        states.add("complete");
        ProcessInstance issue = start(1, false);

        execute(job("Task_ImportCustomer", issue));
        execute(job("Task_ImportDocument", issue));
        execute(job("Task_CheckImportState", issue));
        assertThat(issue).isWaitingAt("Timer_PollAgain");
        // the model's literal: 30 seconds
        assertThat(job("Timer_PollAgain", issue).getDuedate().getTime() - ClockUtil.getCurrentTime().getTime())
                .isBetween(25_000L, 30_000L);
        execute(job("Timer_PollAgain", issue));
        execute(job("Task_CheckImportState", issue));
        execute(job("Task_SendReportMail", issue));

        assertThat(issue).isEnded().hasPassed("Task_UpdateRecord", "Task_SendReportMail", "EndEvent_Issued");
        assertThat(steps).containsExactly("customer unchanged", "import v1 NEW", "state active", "state complete",
                "record updated", "report mail");
    }

    @Test
    void aNewOrChangedPartnerGoesFirstAsCustomerData() {
        customerImport = "C-1";
        customerStates.add("active");
        customerStates.add("complete");
        states.add("complete");
        ProcessInstance issue = start(1, false);

        execute(job("Task_ImportCustomer", issue));
        execute(job("Task_CheckCustomerState", issue));
        assertThat(issue).isWaitingAt("Timer_PollCustomerAgain");
        execute(job("Timer_PollCustomerAgain", issue));
        execute(job("Task_CheckCustomerState", issue));
        execute(job("Task_ImportDocument", issue));
        execute(job("Task_CheckImportState", issue));
        execute(job("Task_SendReportMail", issue));

        assertThat(issue).isEnded();
        assertThat(steps).containsExactly("import customer", "customer active", "customer complete", "customer recorded",
                "import v1 NEW", "state complete", "record updated", "report mail");
    }

    @Test
    void aCorrectedNoticeIssuedBeforeIsAReplacement() {
        states.add("complete");
        ProcessInstance issue = start(2, true);

        execute(job("Task_ImportCustomer", issue));
        execute(job("Task_ImportDocument", issue));
        execute(job("Task_CheckImportState", issue));
        execute(job("Task_SendReportMail", issue));

        assertThat(issue).isEnded();
        assertThat(steps).containsExactly("customer unchanged", "import v2 REPLACE", "state complete", "record updated",
                "report mail");
    }

    @Test
    void maintenanceIsRetriedWithBackOffAndIssuedOnce() {
        importFailures.add(new MeisaiUnavailableException("楽楽明細 is in maintenance (Status: 503 Maintenance mode)"));
        states.add("complete");
        ProcessInstance issue = start(1, false);
        execute(job("Task_ImportCustomer", issue));

        Job first = job("Task_ImportDocument", issue);
        assertThat(tryExecute(first)).hasRootCauseInstanceOf(MeisaiUnavailableException.class);
        Job retried = job("Task_ImportDocument", issue);
        assertThat(retried.getRetries()).isEqualTo(2);
        // the back-off: the next attempt is due a minute later
        assertThat(retried.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 50_000));
        execute(retried);
        execute(job("Task_CheckImportState", issue));
        execute(job("Task_SendReportMail", issue));

        assertThat(issue).isEnded();
        assertThat(steps).containsExactly("customer unchanged", "import v1 NEW", "state complete", "record updated",
                "report mail");
    }

    @Test
    void anImportThatFailsOrRetriesThatRunOutAreIncidents() {
        states.add("failed");
        states.add("failed");
        states.add("failed");
        ProcessInstance failed = start(1, false);
        execute(job("Task_ImportCustomer", failed));
        execute(job("Task_ImportDocument", failed));
        for (int i = 0; i < 3; i++) {
            tryExecute(job("Task_CheckImportState", failed));
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(failed.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_CheckImportState");
        assertThat(incident.getIncidentMessage()).contains("ended as 'failed'");

        for (int i = 0; i < 3; i++) {
            importFailures.add(new MeisaiUnavailableException("楽楽明細 answered 503"));
        }
        ProcessInstance down = start(1, false);
        execute(job("Task_ImportCustomer", down));
        for (int i = 0; i < 3; i++) {
            tryExecute(job("Task_ImportDocument", down));
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(down.getId()).singleResult().getActivityId())
                .isEqualTo("Task_ImportDocument");
    }

    private static ProcessInstance start(int version, boolean alreadyIssued) {
        return runtimeService().startProcessInstanceByKey(MeisaiIssuanceProcess.ID, "PN-202701-00001-v" + version, Map.of(
                MeisaiIssuanceProcess.PAYMENT_NOTICE_ID, 9L, MeisaiIssuanceProcess.VERSION, version,
                MeisaiIssuanceProcess.DOCUMENT_KIND, MeisaiIssuanceProcess.PAYMENT_NOTICE,
                MeisaiIssuanceProcess.ALREADY_ISSUED, alreadyIssued));
    }

    private static RuntimeException tryExecute(Job job) {
        try {
            managementService().executeJob(job.getId());
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
