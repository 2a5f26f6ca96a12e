package jp.partnerflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import jp.partnerflow.PartnerflowApplication;
import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.TestDatabase;

/**
 * bpmn/, dmn/ and forms/ reach the engine at start-up, changed files only, named as in the
 * repository; and a process owner's deployment from Modeler survives a restart of the service with
 * a changed model in its jar: kept, logged, and a task for process owners says so.
 */
class AutoDeploymentTest extends FeatureTest {
    /** Where the build put bpmn/, dmn/ and forms/ for the service under test. */
    private static final Path JAR = Path.of("target/classes");
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @TempDir
    Path release;

    @Test
    void modelsAndFormsAreDeployedUnderTheirRepositoryNamesAndUnchangedOnesOnlyOnce() throws IOException {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("purchase-order").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("notification-channels").count())
                .isEqualTo(1);
        ProcessDefinition order = latest("purchase-order");
        assertThat(order.getResourceName()).isEqualTo("bpmn/purchase-order.bpmn");
        assertThat(repository.getDeploymentResourceNames(order.getDeploymentId()))
                .contains("forms/issue-purchase-order.form", "forms/revise-purchase-order.form", "dmn/invoice-review.dmn");
        long deployments = repository.createDeploymentQuery().count();

        // the same files read from elsewhere (an unpacked release): nothing new
        copyRelease();
        try (ConfigurableApplicationContext restarted = restart()) {
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        }
    }

    @Test
    void aProcessOwnersModelerDeploymentSurvivesARestartWithAChangedModelInTheJar() throws IOException {
        String jarModel = Files.readString(JAR.resolve("bpmn/billing-month.bpmn"));
        Api owner = staff(StaffGroups.PROCESS_OWNERS);
        String ownersModel = jarModel.replace("name=\"月次の請求\"", "name=\"月次の請求（プロセスオーナー版）\"");
        assertThat(ownersModel).isNotEqualTo(jarModel);
        Api.Response deployed = owner.upload("/engine-rest/deployment/create",
                Map.of("deployment-name", "billing-month", "deployment-source", "Camunda Modeler"),
                "billing-month.bpmn", "application/xml", ownersModel.getBytes(StandardCharsets.UTF_8));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        int ownersVersion = latest("billing-month").getVersion();

        // the next release changes the same model, and another one
        copyRelease();
        change("bpmn/billing-month.bpmn", "name=\"月次の請求\"", "name=\"月次の請求（次のリリース）\"");
        int noticeDeliveryBefore = latest("notice-delivery").getVersion();
        change("bpmn/notice-delivery.bpmn", "name=\"通知の配信\"", "name=\"通知の配信（次のリリース）\"");
        try (ConfigurableApplicationContext restarted = restart()) {
            ProcessDefinition billingMonth = latest("billing-month");
            assertThat(billingMonth.getVersion()).as("the process owner's version is kept").isEqualTo(ownersVersion);
            assertThat(billingMonth.getName()).isEqualTo("月次の請求（プロセスオーナー版）");
            assertThat(latest("notice-delivery").getVersion()).as("other changes are deployed")
                    .isEqualTo(noticeDeliveryBefore + 1);

            // process owners see why in Tasklist (and the instance, by its business key, in Cockpit)
            List<Task> told = tasks.createTaskQuery().processDefinitionKey("modeler-deployment-kept")
                    .processInstanceBusinessKey("billing-month v" + ownersVersion).list();
            assertThat(told).hasSize(1);
            assertThat(told.get(0).getDescription()).contains("billing-month", "バージョン" + ownersVersion,
                    "Camunda Modeler", "bpmn/billing-month.bpmn");
            assertThat(owner.get("/engine-rest/task?processDefinitionKey=modeler-deployment-kept").json()
                    .findValuesAsText("id")).contains(told.get(0).getId());
        }
        // a second restart does not tell them twice
        try (ConfigurableApplicationContext again = restart()) {
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("billing-month v" + ownersVersion).count())
                    .isEqualTo(1);
        } finally {
            // the other tests on this database run the repository's models
            repository.deleteDeployment(latest("billing-month").getDeploymentId(), true);
            repository.deleteDeployment(latest("notice-delivery").getDeploymentId(), true);
            runtime.createProcessInstanceQuery().processDefinitionKey("modeler-deployment-kept").list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
        }
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId().latestVersion()
                .singleResult();
    }

    /** The models the running service deployed (its jar's), as a release unpacks them. */
    private void copyRelease() throws IOException {
        for (String folder : List.of("bpmn", "dmn", "forms")) {
            Files.createDirectories(release.resolve(folder));
            try (var files = Files.list(JAR.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, release.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
    }

    private void change(String file, String from, String to) throws IOException {
        Path path = release.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    /** The service started again on the same database, with the release's models. */
    private ConfigurableApplicationContext restart() {
        TestDatabase.Connection db = TestDatabase.get();
        String models = "file:" + release + "/bpmn/*.bpmn, file:" + release + "/dmn/*.dmn, file:" + release + "/forms/*.form";
        return new SpringApplicationBuilder(PartnerflowApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--camunda.bpm.process-engine-name=restarted",
                "--camunda.bpm.admin-user.password=" + STAFF_PASSWORD, "--camunda.bpm.job-execution.enabled=false",
                "--partnerflow.models=" + models,
                // no second webapp: Camunda's webapps keep their engine in static state (Nodes says more)
                "--camunda.bpm.webapp.enabled=false");
    }
}
