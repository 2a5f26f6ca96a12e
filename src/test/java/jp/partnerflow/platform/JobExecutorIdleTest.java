package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.partnerflow.support.FeatureTest;

/**
 * With nothing due, the job executor looks for jobs about once a second. Camunda's back-off never
 * waits when max-wait is set below wait-time-in-millis, and acquisition then runs in a tight loop
 * that costs a core and thousands of queries a second.
 */
class JobExecutorIdleTest extends FeatureTest {
    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;

    @Test
    void anIdleJobExecutorPollsAboutOnceASecond() throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> management.createJobQuery().executable().count() == 0);
        Meter attempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
                .getDbMeterByName(Metrics.JOB_ACQUISITION_ATTEMPT);

        long before = attempts.get();
        Thread.sleep(3_000);
        long during = attempts.get() - before;

        assertThat(during).as("job acquisitions in 3 s of idling").isBetween(1L, 10L);
    }
}
