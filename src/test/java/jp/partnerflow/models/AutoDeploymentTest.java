package jp.partnerflow.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.FeatureTest;

/** bpmn/, dmn/ and forms/ reach the engine; unchanged files are not deployed again. */
class AutoDeploymentTest extends FeatureTest {
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    @Test
    void modelsAndFormsAreDeployedAndUnchangedOnesOnlyOnce() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("purchase-order").count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("notice-delivery").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("notification-channels").count())
                .isEqualTo(1);
        String deployment = repository.createProcessDefinitionQuery().processDefinitionKey("purchase-order")
                .singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deployment))
                .anyMatch(n -> n.endsWith("issue-purchase-order.form"))
                .anyMatch(n -> n.endsWith("revise-purchase-order.form"));

        SpringProcessEngineConfiguration configuration =
                (SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        assertThat(configuration.isDeployChangedOnly()).isTrue();
        long deployments = repository.createDeploymentQuery().count();
        new RestartedEngine(configuration).deployAgain(engine);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P180D");
    }

    /** Runs the start-up deployment once more, as a restart of the service would. */
    private static final class RestartedEngine extends SpringProcessEngineConfiguration {
        private final SpringProcessEngineConfiguration running;

        RestartedEngine(SpringProcessEngineConfiguration running) {
            this.running = running;
        }

        void deployAgain(ProcessEngine engine) {
            setDeploymentResources(running.getDeploymentResources());
            setDeploymentName(running.getDeploymentName());
            setDeployChangedOnly(running.isDeployChangedOnly());
            autoDeployResources(engine);
        }
    }
}
