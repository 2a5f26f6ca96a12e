package jp.partnerflow.billing;

/** Work-report steps in {@code bpmn/billing-month.bpmn}, bean {@code workReports}. */
public interface WorkReportSteps {

    /** For a fixed-fee order, creates the month's work report once the closing date has passed. */
    void generateFixedFeeReport(long orderId, String billingMonth);
}
