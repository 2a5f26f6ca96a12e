package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.support.ProcessTestEngine;

/** dmn/meisai-issue-policy.dmn read as the issuance reads it: its outputs' names and values are the code's. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "dmn/meisai-issue-policy.dmn")
class MeisaiIssuePolicyTest {

    @ParameterizedTest(name = "already issued {0} → {1}")
    @CsvSource({ "false, NEW", "true, REPLACE" })
    void aPaymentNoticeIsNewUntilIssuedThenReplaced(boolean alreadyIssued, MeisaiImportMethod method) {
        Map<String, Object> decided = decisionService().evaluateDecisionTableByKey(MeisaiIssuanceProcess.POLICY_DECISION,
                Variables.createVariables().putValue(MeisaiIssuanceProcess.DOCUMENT_KIND, MeisaiIssuanceProcess.PAYMENT_NOTICE)
                        .putValue(MeisaiIssuanceProcess.ALREADY_ISSUED, alreadyIssued))
                .getSingleResult().getEntryMap();

        assertThat(MeisaiIssuePolicy.of(decided)).isEqualTo(new MeisaiIssuePolicy(Optional.empty(), method));
    }

    @Test
    void aConnectionNamedByTheTableIsKept() {
        assertThat(MeisaiIssuePolicy.of(Map.of("connectionName", "支払通知書（月次）", "importMethod", "NEW")).connectionName())
                .contains("支払通知書（月次）");
    }

    @Test
    void aRenamedOutputOrAnUnknownMethodIsNamed() {
        assertThatThrownBy(() -> MeisaiIssuePolicy.of(Map.of("connection", "", "importMethod", "NEW")))
                .hasMessageStartingWith("the decision dmn/meisai-issue-policy.dmn gave no connectionName and importMethod");
        assertThatThrownBy(() -> MeisaiIssuePolicy.of(Map.of("connectionName", "", "importMethod", "UPDATE")))
                .hasMessage("the decision dmn/meisai-issue-policy.dmn gave importMethod UPDATE, not one of [NEW, REPLACE]");
    }
}
