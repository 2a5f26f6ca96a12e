package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
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

import jp.partnerflow.payment.PaymentNoticeSteps;
import jp.partnerflow.support.ProcessTestEngine;

/** Every path of bpmn/billing-month.bpmn on an in-memory engine, with the review DMN; the Java steps are recorded. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = { "bpmn/billing-month.bpmn", "dmn/invoice-review.dmn" })
class BillingMonthProcessTest {
    private static final long ORDER = 42L;
    private static final long INVOICE = 7L;

    private final List<String> steps = new ArrayList<>();
    private int closingDay = 31;

    @BeforeEach
    void registerSteps() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T01:00:00Z")));
        Mocks.register("billingMonths", new BillingMonthSteps() {
            public List<String> of(long orderId) { return List.of(); }
            public int open(long orderId, String billingMonth, String processInstanceId) {
                steps.add("open " + billingMonth);
                return closingDay;
            }
            public void remindToInvoice(long orderId, String billingMonth) { steps.add("remind"); }
        });
        Mocks.register("workReports", (WorkReportSteps) (orderId, billingMonth) -> steps.add("fixedFeeReport"));
        Mocks.register("invoices", new InvoiceSteps() {
            public void approve(long invoiceId) { steps.add("approve " + invoiceId); }
            public void returnToPartner(long invoiceId) { steps.add("return " + invoiceId); }
            public void handOver(long invoiceId) { steps.add("paymentNotice " + invoiceId); }
        });
        Mocks.register("closingCalendar", new ClosingCalendar());
        Mocks.register("reviewInvoiceForm", (TaskListener) (DelegateTask task) -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().setVariable(BillingMonthProcess.REVIEW, task.getVariable(BillingMonthProcess.REVIEW));
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "closing day {0}, {1}: reminded at {2} and {3}")
    @CsvSource({
            "31, 2027-01, 2027-02-01T01:00:00Z, 2027-02-02T01:00:00Z",
            "15, 2027-01, 2027-01-16T01:00:00Z, 2027-01-17T01:00:00Z",
            "28, 2028-02, 2028-02-29T01:00:00Z, 2028-03-01T01:00:00Z",
            "31, 2027-04, 2027-05-01T01:00:00Z, 2027-05-02T01:00:00Z",
    })
    void remindersTheDayAfterAndTwoDaysAfterClosingAtTenInJapan(int closing, String month, Instant dayAfter,
            Instant twoDaysAfter) {
        closingDay = closing;
        ProcessInstance billing = start(month);

        assertThat(billing).isWaitingAt("Task_AwaitInvoice");
        assertThat(job("Timer_DayAfterClosing", billing).getDuedate()).isEqualTo(Date.from(dayAfter));
        assertThat(job("Timer_TwoDaysAfterClosing", billing).getDuedate()).isEqualTo(Date.from(twoDaysAfter));

        execute(job("Timer_DayAfterClosing", billing));
        assertThat(steps).containsExactly("open " + month, "remind");
        execute(job("Timer_TwoDaysAfterClosing", billing));
        assertThat(steps).containsExactly("open " + month, "remind", "remind");
        assertThat(billing).hasPassed("EndEvent_RemindedDayAfter", "EndEvent_RemindedTwoDaysAfter")
                .isWaitingAt("Task_AwaitInvoice");
    }

    @Test
    void noReminderOnceTheInvoiceIsIn() {
        ProcessInstance billing = start("2027-01");
        execute(job("Timer_DayAfterClosing", billing));

        submit(billing, BillingMonthProcess.MSG_INVOICE_SUBMITTED, 330_000);

        assertThat(managementService().createJobQuery().processInstanceId(billing.getId()).timers().count()).isZero();
        assertThat(billing).isWaitingAt("UserTask_ReviewInvoice");
        assertThat(steps).containsExactly("open 2027-01", "remind");
    }

    @Test
    void aFixedFeeWorkReportIsMadeOnceTheClosingDateHasPassed() {
        ProcessInstance billing = start("2027-01");
        assertThat(job("Timer_ClosingDatePassed", billing).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2027-01-31T15:00:00Z"))); // 2027-02-01 00:00 in Japan

        execute(job("Timer_ClosingDatePassed", billing));

        assertThat(steps).containsExactly("open 2027-01", "fixedFeeReport");
        assertThat(billing).isWaitingAt("Task_AwaitInvoice");
    }

    @Test
    void returnedTwiceResubmittedTwiceThenApproved() {
        ProcessInstance billing = start("2027-01");
        submit(billing, BillingMonthProcess.MSG_INVOICE_SUBMITTED, 330_000);

        assertThat(task(billing)).hasName("請求書を確認する").hasCandidateGroup("accounting")
                .hasCandidateGroup("accountingManager");
        review(billing, BillingMonthProcess.RETURN);
        assertThat(billing).isWaitingAt("Task_AwaitResubmission");
        submit(billing, BillingMonthProcess.MSG_INVOICE_RESUBMITTED, 330_000);
        review(billing, BillingMonthProcess.RETURN);
        submit(billing, BillingMonthProcess.MSG_INVOICE_RESUBMITTED, 320_000);
        assertThat(task(billing)).hasCandidateGroup("accounting");
        review(billing, BillingMonthProcess.APPROVE);
        // the payment notice is written in a job of its own
        assertThat(billing).isWaitingAt("Task_IssuePaymentNotice");
        execute(job("Task_IssuePaymentNotice", billing));

        assertThat(billing).isEnded().hasPassed("EndEvent_InvoiceApproved");
        assertThat(steps).containsExactly("open 2027-01", "return 7", "return 7", "approve 7", "paymentNotice 7");
    }

    @Test
    void aLargeInvoiceIsReviewedByTheGroupTheDecisionPicks() {
        ProcessInstance billing = start("2027-01");

        submit(billing, BillingMonthProcess.MSG_INVOICE_SUBMITTED, 1_650_000);

        assertThat(task(billing)).hasCandidateGroup("accountingManager");
        assertThat(taskService().getIdentityLinksForTask(task(billing).getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("accountingManager");
        review(billing, BillingMonthProcess.RETURN);
        // corrected below the threshold: the decision is taken again
        submit(billing, BillingMonthProcess.MSG_INVOICE_RESUBMITTED, 990_000);
        assertThat(task(billing)).hasCandidateGroup("accounting");
    }

    private ProcessInstance start(String month) {
        return runtimeService().startProcessInstanceByKey(BillingMonthProcess.ID, "PO-000042-" + month,
                Map.of(BillingMonthProcess.ORDER_ID, ORDER, BillingMonthProcess.BILLING_MONTH, month));
    }

    private static void submit(ProcessInstance billing, String message, long total) {
        runtimeService().createMessageCorrelation(message).processInstanceId(billing.getId())
                .setVariable(BillingMonthProcess.INVOICE_ID, INVOICE)
                .setVariable(BillingMonthProcess.INVOICE_TOTAL, total).correlate();
    }

    private static void review(ProcessInstance billing, String decision) {
        complete(task(billing), Map.of(BillingMonthProcess.REVIEW, decision));
    }
}
