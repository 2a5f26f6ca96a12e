package jp.partnerflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jp.partnerflow.billing.BillingMonthProcess;
import jp.partnerflow.billing.BillingMonthSteps;
import jp.partnerflow.support.ProcessTestEngine;

/** Every path of bpmn/purchase-order.bpmn on an in-memory engine; the Java steps are recorded. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "bpmn/purchase-order.bpmn")
class PurchaseOrderProcessTest {
    private static final long ORDER = 42L;

    /** What the process asked of Java, in order. */
    private final List<String> steps = new ArrayList<>();
    private String billingMonthStandIn;

    @BeforeEach
    void registerSteps() {
        ClockUtil.setCurrentTime(new Date(1_764_550_800_000L)); // 2025-12-01T10:00+09:00
        Mocks.register("purchaseOrders", new PurchaseOrderSteps() {
            public void notifyIssued(long orderId) { steps.add("notifyIssued " + orderId); }
            public void remindPartner(long orderId) { steps.add("remindPartner " + orderId); }
            public void approve(long orderId) { steps.add("approve " + orderId); }
            public void decline(long orderId) { steps.add("decline " + orderId); }
            public void cancel(long orderId) { steps.add("cancel " + orderId); }
        });
        Mocks.register("registerOrderFromForm", (JavaDelegate) execution -> {
            if (!execution.hasVariable(PurchaseOrderProcess.ORDER_ID)) {
                steps.add("register " + execution.getVariable("title"));
                execution.setVariable(PurchaseOrderProcess.ORDER_ID, ORDER);
            }
        });
        Mocks.register("reviseOrderForm", (TaskListener) (DelegateTask task) -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().setVariable(PurchaseOrderProcess.REVISION, task.getVariable("decision"));
            }
        });
        Mocks.register("billingMonths", new BillingMonthSteps() {
            public List<String> of(long orderId) { return List.of("2025-12", "2026-01"); }
            public int open(long orderId, String billingMonth, String processInstanceId) { return 31; }
            public void remindToInvoice(long orderId, String billingMonth) { }
        });
        // a stand-in for billing-month.bpmn, which has its own process test
        billingMonthStandIn = repositoryService().createDeployment()
                .addModelInstance("billing-month.bpmn", Bpmn.createExecutableProcess(BillingMonthProcess.ID)
                        .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        repositoryService().deleteDeployment(billingMonthStandIn, true);
    }

    @Test
    void partnerApproves() {
        ProcessInstance order = start();
        assertThat(order).isWaitingAt("Task_AwaitDecision");
        assertThat(steps).containsExactly("notifyIssued 42");

        correlate(PurchaseOrderProcess.MSG_APPROVED, order);

        // the approval commits with no month started: each month waits in a job of its own
        assertThat(order).hasPassed("Task_ApproveOrder");
        assertThat(steps).containsExactly("notifyIssued 42", "approve 42");
        assertThat(startMonths(order)).isEqualTo(2);

        assertThat(order).hasPassedInOrder("Task_NotifyOrderIssued", "Task_AwaitDecision", "Task_ApproveOrder")
                .hasPassed("Task_BillingMonths").isEnded().hasPassed("EndEvent_OrderCompleted");
        assertThat(steps).containsExactly("notifyIssued 42", "approve 42");
        // one billing month each, started with the order and its month
        List<HistoricProcessInstance> months = historyService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(order.getId()).orderByProcessInstanceBusinessKey().asc().list();
        assertThat(months).extracting(HistoricProcessInstance::getBusinessKey)
                .containsExactly("PO-202512-00042 / 2025-12", "PO-202512-00042 / 2026-01");
        assertThat(historyService().createHistoricVariableInstanceQuery()
                .processInstanceIdIn(months.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableName(BillingMonthProcess.BILLING_MONTH).list())
                .extracting(HistoricVariableInstance::getValue).containsExactlyInAnyOrder("2025-12", "2026-01");
    }

    @Test
    void undecidedOrderIsRemindedAfterThreeDaysAndStillWaits() {
        ProcessInstance order = start();
        Job reminder = job("Timer_DecisionReminder", order);
        assertThat(reminder.getDuedate()).isEqualTo(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(3).toMillis()));

        execute(reminder);

        assertThat(steps).containsExactly("notifyIssued 42", "remindPartner 42");
        assertThat(order).hasPassed("EndEvent_ReminderSent").isWaitingAt("Task_AwaitDecision");
        correlate(PurchaseOrderProcess.MSG_APPROVED, order);
        startMonths(order);
        assertThat(order).isEnded().hasPassed("EndEvent_OrderCompleted");
    }

    @Test
    void declinedOrderIsRevisedAndIssuedAgain() {
        ProcessInstance order = start();
        correlate(PurchaseOrderProcess.MSG_DECLINED, order);

        assertThat(order).isWaitingAt("UserTask_ReviseOrder");
        assertThat(task(order)).hasCandidateGroup("ordering");
        complete(task(order), Map.of("decision", PurchaseOrderProcess.REISSUE));

        assertThat(order).isWaitingAt("Task_AwaitDecision");
        assertThat(job("Timer_DecisionReminder", order)).isNotNull();
        correlate(PurchaseOrderProcess.MSG_APPROVED, order);
        startMonths(order);
        assertThat(order).isEnded().hasPassed("EndEvent_OrderCompleted").hasNotPassed("Task_CancelOrder");
        assertThat(steps).containsExactly("notifyIssued 42", "decline 42", "notifyIssued 42", "approve 42");
    }

    @Test
    void declinedOrderIsCancelled() {
        ProcessInstance order = start();
        correlate(PurchaseOrderProcess.MSG_DECLINED, order);
        complete(task(order), Map.of("decision", PurchaseOrderProcess.CANCEL));

        assertThat(order).isEnded().hasPassed("Task_CancelOrder", "EndEvent_OrderCancelled");
        assertThat(steps).containsExactly("notifyIssued 42", "decline 42", "cancel 42");
    }

    @Test
    void staffIssueAnOrderFromTheTasklistStartForm() {
        ProcessInstance order = runtimeService().startProcessInstanceByKey(PurchaseOrderProcess.ID,
                Map.of("partnerId", 7L, "title", "ロゴ制作", "fee", 50000L));

        assertThat(order).isWaitingAt("Task_AwaitDecision").variables().containsEntry(PurchaseOrderProcess.ORDER_ID, ORDER);
        assertThat(steps).containsExactly("register ロゴ制作", "notifyIssued 42");
    }

    private static ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(PurchaseOrderProcess.ID, "PO-202512-00042",
                Map.of(PurchaseOrderProcess.ORDER_ID, ORDER));
    }

    private static void correlate(String message, ProcessInstance order) {
        runtimeService().createMessageCorrelation(message).processInstanceId(order.getId()).correlate();
    }

    /** The approved order's billing months, each started by its own job; returns how many. */
    private static int startMonths(ProcessInstance order) {
        List<Job> starts = managementService().createJobQuery().processInstanceId(order.getId())
                .activityId("Task_BillingMonths").list();
        starts.forEach(job -> execute(job));
        return starts.size();
    }
}
