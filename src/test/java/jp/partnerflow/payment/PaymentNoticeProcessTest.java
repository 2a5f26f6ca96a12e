package jp.partnerflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.partnerflow.support.ProcessTestEngine;

/**
 * Every path of bpmn/payment-notice.bpmn on an in-memory engine: approved by the partner, approved
 * when the deadline passes, returned → corrected → sent again. The send step computes the deadline
 * with the real rule, from the engine's clock and 5 days.
 */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/payment-notice.bpmn")
class PaymentNoticeProcessTest {
    private static final long NOTICE = 9L;
    private final List<String> steps = new ArrayList<>();

    @BeforeEach
    void registerSteps() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-25T03:00:00Z")));
        Mocks.register("paymentNotices", new PaymentNoticeSteps() {
            public Date send(long paymentNoticeId) {
                steps.add("send " + paymentNoticeId);
                return Date.from(ConfirmationDeadline.of(ClockUtil.getCurrentTime().toInstant(), 5));
            }
            public void autoApprove(long paymentNoticeId) { steps.add("autoApprove " + paymentNoticeId); }
            public void handOver(long paymentNoticeId) { steps.add("meisai " + paymentNoticeId); }
        });
        Mocks.register("correctApprovedFromForm", (JavaDelegate) execution -> steps.add("fromForm?"));
        Mocks.register("correctPaymentNoticeForm", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                steps.add("corrected");
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void thePartnerApprovesBeforeTheDeadline() {
        ProcessInstance notice = start();
        assertThat(notice).isWaitingAt("Gateway_AwaitConfirmation");

        correlate(notice, PaymentNoticeProcess.MSG_APPROVED);
        // final: handed to 楽楽明細 in a job of its own
        assertThat(notice).isWaitingAt("Task_HandToMeisai");
        execute(job("Task_HandToMeisai", notice));

        assertThat(notice).isEnded().hasPassed("Event_PaymentNoticeApproved", "EndEvent_PaymentNoticeFinal")
                .hasNotPassed("Task_AutoApprove");
        assertThat(steps).containsExactly("fromForm?", "send 9", "meisai 9");
    }

    @Test
    void theDeadlinePassesAndTheNoticeIsApprovedAutomatically() {
        ProcessInstance notice = start();

        execute(job("Timer_ConfirmationDeadline", notice));
        execute(job("Task_HandToMeisai", notice));

        assertThat(notice).isEnded().hasPassed("Task_AutoApprove", "EndEvent_PaymentNoticeFinal");
        assertThat(steps).containsExactly("fromForm?", "send 9", "autoApprove 9", "meisai 9");
    }

    @Test
    void returnedCorrectedAndSentAgainWithANewDeadline() {
        ProcessInstance notice = start();
        correlate(notice, PaymentNoticeProcess.MSG_RETURNED);

        assertThat(task(notice)).hasName("支払通知書を修正する").hasCandidateGroup("accounting")
                .hasCandidateGroup("accountingManager");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-01T02:00:00Z")));
        complete(task(notice));

        assertThat(notice).isWaitingAt("Gateway_AwaitConfirmation");
        // 2027-03-01 11:00 in Japan + 5 days: the end of 6 March
        assertThat(job("Timer_ConfirmationDeadline", notice).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2027-03-06T15:00:00Z")));
        correlate(notice, PaymentNoticeProcess.MSG_APPROVED);
        execute(job("Task_HandToMeisai", notice));
        assertThat(notice).isEnded();
        assertThat(steps).containsExactly("fromForm?", "send 9", "corrected", "send 9", "meisai 9");
    }

    @ParameterizedTest(name = "sent at {0} → the timer fires at {1}")
    @CsvSource({
            // 23:30 on 28 Feb in Japan: the end of 5 March
            "2027-02-28T14:30:00Z, 2027-03-05T15:00:00Z",
            // 00:30 on 1 Mar in Japan (still 28 Feb in UTC): the end of 6 March
            "2027-02-28T15:30:00Z, 2027-03-06T15:00:00Z",
            // 23:59 on 31 Dec in Japan: across the year end
            "2027-12-31T14:59:00Z, 2028-01-05T15:00:00Z" })
    void theDeadlineIsTheEndOfTheDayInJapan(Instant sentAt, Instant fires) {
        ClockUtil.setCurrentTime(Date.from(sentAt));
        ProcessInstance notice = start();

        assertThat(job("Timer_ConfirmationDeadline", notice).getDuedate()).isEqualTo(Date.from(fires));
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PaymentNoticeProcess.ID, "PN-202702-00009",
                Map.of(PaymentNoticeProcess.PAYMENT_NOTICE_ID, NOTICE));
    }

    private static void correlate(ProcessInstance notice, String message) {
        runtimeService().createMessageCorrelation(message).processInstanceId(notice.getId()).correlate();
    }
}
