package jp.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.partnerflow.support.ProcessTestEngine;

/** dmn/notification-channels.dmn: LINE only with the company's option, a linked and following partner. */
@ExtendWith(ProcessTestEngine.class)
@Deployment(resources = "dmn/notification-channels.dmn")
class NotificationChannelsDecisionTest {

    @ParameterizedTest(name = "option={0} linked={1} following={2} -> LINE {3}")
    @CsvSource({
            "true,  true,  true,  true",
            "false, true,  true,  false",
            "true,  false, false, false",
            "true,  true,  false, false",
            "false, false, false, false" })
    void lineOnlyForLinkedFollowersOfCompaniesWithTheOption(boolean option, boolean linked, boolean following,
            boolean line) {
        Boolean decided = decisionService().evaluateDecisionTableByKey(ChannelDecision.DECISION, Variables.createVariables()
                .putValue("companyLineOption", option)
                .putValue("partnerLinkedToLine", linked)
                .putValue("partnerFollowing", following))
                .getSingleResult().getEntry("line");
        assertThat(decided).isEqualTo(line);
    }
}
