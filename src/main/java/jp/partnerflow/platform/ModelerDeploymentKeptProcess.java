package jp.partnerflow.platform;

import java.util.Map;

/** Names shared by {@code bpmn/modeler-deployment-kept.bpmn} and {@link ModelDeployment}. */
final class ModelerDeploymentKeptProcess {
    static final String ID = "modeler-deployment-kept";
    /** The process owners' task description: which version was kept, and what to do about it. */
    static final String KEPT_MODEL = "keptModel";

    private ModelerDeploymentKeptProcess() {
    }

    static Map<String, Object> start(String keptModel) {
        return Map.of(KEPT_MODEL, keptModel);
    }
}
