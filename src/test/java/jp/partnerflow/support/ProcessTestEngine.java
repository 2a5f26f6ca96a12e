package jp.partnerflow.support;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-memory engine of the process tests ({@code process-test.cfg.xml}), also handed to
 * camunda-bpm-assert: feature tests in the same JVM register the service's own engine, and the
 * assertions must not guess between the two. Use with {@code @ExtendWith(ProcessTestEngine.class)}.
 */
public class ProcessTestEngine extends ProcessEngineExtension {
    public ProcessTestEngine() {
        configurationResource("process-test.cfg.xml");
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        super.beforeTestExecution(context);
        BpmnAwareTests.init(getProcessEngine());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        BpmnAwareTests.reset();
        super.afterTestExecution(context);
    }
}
