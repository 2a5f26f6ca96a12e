package jp.partnerflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.partnerflow.support.ProcessTestEngine;

/** dmn/invoice-review.dmn: who reviews an invoice of a given total. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "dmn/invoice-review.dmn")
class InvoiceReviewDecisionTest {

    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({
            "330000, 'accounting,accountingManager'",
            "1000000, 'accounting,accountingManager'",
            "1000001, accountingManager",
            "1650000, accountingManager",
    })
    void reviewGroupByInvoiceTotal(long total, String group) {
        String reviewGroup = decisionService().evaluateDecisionTableByKey(BillingMonthProcess.REVIEW_DECISION,
                Variables.createVariables().putValue(BillingMonthProcess.INVOICE_TOTAL, total))
                .getSingleEntry();

        assertThat(reviewGroup).isEqualTo(group);
    }
}
