package jp.partnerflow.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code bpmn/}, {@code dmn/} and {@code forms/} at start-up — changed files only — but never
 * over a process owner's work: when the latest version of a process or decision was deployed by
 * someone else (Camunda Modeler, the REST API) and differs from the service's file, that version
 * stays the latest. The service says so in the log and with a task for {@code processOwners}
 * ({@code bpmn/modeler-deployment-kept.bpmn}), visible in Tasklist and Cockpit, until the change is
 * brought back into the repository (docs/process-owners.md).
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {
    static final String NAME = "partnerflow";
    static final String SOURCE = "partnerflow start-up";
    /** The name Camunda's Spring auto-deployment gave the service's deployments before this class. */
    private static final String EARLIER_NAME = "SpringAutoDeployment";
    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final ResourcePatternResolver resolver;
    private final List<String> locations;
    private final List<Kept> kept = new CopyOnWriteArrayList<>();
    private volatile ProcessEngine engine;

    ModelDeployment(ResourcePatternResolver resolver, @Value("${partnerflow.models}") List<String> locations) {
        this.resolver = resolver;
        this.locations = locations;
    }

    /** A definition someone else deployed that the service did not deploy over. */
    record Kept(String resource, String key, int version, String deployedAs, String deployedFrom) {
        String message() {
            return key + " はバージョン" + version + "（" + deployedAs + "、" + deployedFrom + "）を使い続けています。"
                    + "サービスの " + resource + " と内容が異なるため、起動時に上書きしませんでした。"
                    + "変更をリポジトリの " + resource + " に取り込むか、そのファイルをデプロイし直してください。";
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        this.engine = engine;
        deploy(engine.getRepositoryService());
    }

    private void deploy(RepositoryService repository) {
        DeploymentBuilder deployment = repository.createDeployment().name(NAME).source(SOURCE).enableDuplicateFiltering(true);
        Map<String, Deployment> others = othersHoldingALatestVersion(repository);
        for (Model model : models()) {
            Optional<Kept> other = others.isEmpty() ? Optional.empty() : deployedByOthers(repository, model, others);
            if (other.isPresent()) {
                kept.add(other.get());
                log.warn("Not deploying {}: {} version {} was deployed by '{}' ({}) and differs from it; "
                        + "bring that change into the repository or deploy the file again to replace it",
                        model.name(), other.get().key(), other.get().version(), other.get().deployedAs(),
                        other.get().deployedFrom());
            } else {
                deployment.addInputStream(model.name(), new ByteArrayInputStream(model.bytes()));
            }
        }
        if (!deployment.getResourceNames().isEmpty()) {
            deployment.deploy();
        }
    }

    /** Once the application is up (a process start needs every bean): one open task per kept version. */
    @EventListener(ApplicationReadyEvent.class)
    void tellProcessOwners() {
        RuntimeService runtime = engine.getRuntimeService();
        for (Kept version : kept) {
            String businessKey = version.key() + " v" + version.version();
            if (runtime.createProcessInstanceQuery().processDefinitionKey(ModelerDeploymentKeptProcess.ID).processInstanceBusinessKey(businessKey)
                    .count() == 0) {
                runtime.startProcessInstanceByKey(ModelerDeploymentKeptProcess.ID, businessKey,
                        ModelerDeploymentKeptProcess.start(version.message()));
            }
        }
    }

    private record Model(String name, byte[] bytes) {
    }

    /** The files, named as in the repository ({@code bpmn/purchase-order.bpmn}) wherever they are read from. */
    private List<Model> models() {
        List<Model> models = new ArrayList<>();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location.strip())) {
                    try (InputStream in = resource.getInputStream()) {
                        models.add(new Model(folderOf(resource.getFilename()) + "/" + resource.getFilename(), in.readAllBytes()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the models at " + location, e);
            }
        }
        return models;
    }

    private static String folderOf(String fileName) {
        return fileName.endsWith(".bpmn") ? "bpmn" : fileName.endsWith(".dmn") ? "dmn" : "forms";
    }

    /**
     * The deployments not made by the service that hold the latest version of a shared process or
     * decision, by id: usually none, and then no file needs parsing or comparing at start-up.
     */
    private static Map<String, Deployment> othersHoldingALatestVersion(RepositoryService repository) {
        Set<String> ids = new HashSet<>();
        repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().list()
                .forEach(d -> ids.add(d.getDeploymentId()));
        repository.createDecisionDefinitionQuery().latestVersion().withoutTenantId().list()
                .forEach(d -> ids.add(d.getDeploymentId()));
        Map<String, Deployment> others = new HashMap<>();
        for (String id : ids) {
            Deployment deployment = repository.createDeploymentQuery().deploymentId(id).singleResult();
            if (!(NAME.equals(deployment.getName()) && SOURCE.equals(deployment.getSource())
                    || EARLIER_NAME.equals(deployment.getName()))) {
                others.put(id, deployment);
            }
        }
        return others;
    }

    private static Optional<Kept> deployedByOthers(RepositoryService repository, Model model, Map<String, Deployment> others) {
        for (ResourceDefinition latest : latestDefinitions(repository, model)) {
            Deployment deployment = others.get(latest.getDeploymentId());
            if (deployment == null) {
                continue;
            }
            byte[] theirs;
            try (InputStream in = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                theirs = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!Arrays.equals(theirs, model.bytes())) {
                return Optional.of(new Kept(model.name(), latest.getKey(), latest.getVersion(),
                        String.valueOf(deployment.getName()),
                        deployment.getSource() != null ? deployment.getSource() : "source unknown"));
            }
        }
        return Optional.empty();
    }

    /** The latest shared (tenant-less) definitions of the processes or decisions a file defines. */
    private static List<ResourceDefinition> latestDefinitions(RepositoryService repository, Model model) {
        List<ResourceDefinition> latest = new ArrayList<>();
        if (model.name().endsWith(".bpmn")) {
            Bpmn.readModelFromStream(new ByteArrayInputStream(model.bytes())).getModelElementsByType(Process.class)
                    .stream().filter(Process::isExecutable)
                    .map(p -> repository.createProcessDefinitionQuery().processDefinitionKey(p.getId()).withoutTenantId()
                            .latestVersion().singleResult())
                    .filter(d -> d != null).forEach(latest::add);
        } else if (model.name().endsWith(".dmn")) {
            Dmn.readModelFromStream(new ByteArrayInputStream(model.bytes())).getModelElementsByType(Decision.class)
                    .stream()
                    .map(d -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(d.getId()).withoutTenantId()
                            .latestVersion().singleResult())
                    .filter(d -> d != null).forEach(latest::add);
        }
        return latest;
    }
}
