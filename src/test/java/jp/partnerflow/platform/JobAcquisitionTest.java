package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.FeatureTest;

/**
 * The job executor takes due jobs in due-date order off an index on the job table: the index is
 * there, and a job that is due at once (an async continuation) gets a due date, so it is found.
 */
class JobAcquisitionTest extends FeatureTest {
    private static final String PROCESS = "job-acquisition-check";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void theJobTableHasAnIndexOnTheDueDate() {
        String definition = jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = :name")
                .param("name", JobAcquisitionIndex.NAME.toLowerCase()).query(String.class).single();

        assertThat(definition).contains("(duedate_)");
    }

    @Test
    void anAsyncContinuationIsDueAtOnceAndIsTakenByTheJobExecutor() {
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Async").camundaAsyncBefore()
                .camundaExpression("${true}").endEvent().done()).deploy();
        // held back while it is looked at
        management.suspendJobDefinitionByProcessDefinitionKey(PROCESS);
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();

        Job job = management.createJobQuery().processInstanceId(instance).singleResult();
        assertThat(job.getDuedate()).isNotNull();

        management.activateJobDefinitionByProcessDefinitionKey(PROCESS, true);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    }
}
