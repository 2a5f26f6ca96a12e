package jp.partnerflow.support;

import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-memory engine of the process tests ({@code process-test.cfg.xml}), also handed to
 * camunda-bpm-assert: feature tests in the same JVM register the service's own engine, and the
 * assertions must not guess between the two. Use with {@code @ExtendWith(ProcessTestEngine.class)}.
 */
public class ProcessTestEngine extends ProcessEngineExtension implements BeforeEachCallback, AfterEachCallback {
    public ProcessTestEngine() {
        configurationResource("process-test.cfg.xml");
    }

    /** Before the test's own @BeforeEach methods, which may already use the assertions' services. */
    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(getProcessEngine());
    }

    /** After the test's own @AfterEach methods. */
    @Override
    public void afterEach(ExtensionContext context) {
        BpmnAwareTests.reset();
    }
}
