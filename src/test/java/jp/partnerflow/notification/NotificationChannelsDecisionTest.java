package jp.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
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
        assertThat(decision(Duration.ofSeconds(5)).line(option, linked, following)).isEqualTo(line);
    }

    @Test
    void theTableIsEvaluatedOncePerAnswerAndVersion() {
        ChannelDecision decision = decision(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(decision.line(true, true, true)).isTrue();
            assertThat(decision.line(true, true, false)).isFalse();
        }
        assertThat(historyService().createHistoricDecisionInstanceQuery().decisionDefinitionKey(ChannelDecision.DECISION)
                .count()).isEqualTo(2);
    }

    @Test
    void aNewVersionFromModelerIsUsedOnceItIsDeployed() throws IOException {
        ChannelDecision decision = decision(Duration.ZERO);
        assertThat(decision.line(true, true, true)).isTrue();

        String noLine;
        try (InputStream table = getClass().getResourceAsStream("/dmn/notification-channels.dmn")) {
            noLine = new String(table.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "<outputEntry id=\"OutputEntry_Rule1_Line\"><text>true</text>",
                    "<outputEntry id=\"OutputEntry_Rule1_Line\"><text>false</text>");
        }
        String deployment = repositoryService().createDeployment().addString("notification-channels.dmn", noLine)
                .deploy().getId();
        try {
            assertThat(decision.line(true, true, true)).isFalse();
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    private static ChannelDecision decision(Duration recheck) {
        return new ChannelDecision(decisionService(), repositoryService(), recheck);
    }
}
