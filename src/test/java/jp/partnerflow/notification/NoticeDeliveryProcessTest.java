package jp.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.partnerflow.support.ProcessTestEngine;

/** bpmn/notice-delivery.bpmn: delivery is an async job; spent retries become an incident. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/notice-delivery.bpmn")
class NoticeDeliveryProcessTest {
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(new Date(1_764_550_800_000L));
        Mocks.register("deliverNotice", (JavaDelegate) execution -> {
            attempts.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("LINE answered 500: internal error");
            }
        });
        NoticeDeliveryProcess.Settings settings = new NoticeDeliveryProcess.Settings();
        settings.setRetryCycle("PT10S,PT1M");
        Mocks.register("noticeDelivery", settings);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void deliversAsynchronously() {
        ProcessInstance delivery = start();
        assertThat(delivery).isWaitingAt("Task_DeliverNotice");
        assertThat(attempts).hasValue(0);

        managementService().executeJob(job(delivery).getId());

        assertThat(delivery).isEnded().hasPassed("EndEvent_NoticeDelivered");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void retriesWithBackOffThenRaisesAnIncident() {
        failuresLeft.set(10);
        ProcessInstance delivery = start();

        fail(delivery);
        Job retry = job(delivery);
        assertThat(retry.getRetries()).isEqualTo(2);
        assertThat(retry.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 10_000));
        fail(delivery);
        assertThat(job(delivery).getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
        fail(delivery);

        assertThat(job(delivery).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).singleResult()
                .getIncidentMessage()).contains("LINE answered 500");
        assertThat(attempts).hasValue(3);
    }

    private static void fail(ProcessInstance delivery) {
        String jobId = job(delivery).getId();
        assertThatThrownBy(() -> managementService().executeJob(jobId)).hasMessageContaining("LINE answered 500");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(NoticeDeliveryProcess.ID, "notice-1",
                NoticeDeliveryProcess.variables(1L));
    }
}
