package jp.partnerflow.notification;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import jp.partnerflow.company.Company;
import jp.partnerflow.partner.Partner;

/** Which channels a notice goes to, as decided by {@code dmn/notification-channels.dmn}. */
@Component
class ChannelDecision {
    static final String DECISION = "notification-channels";

    private final DecisionService decisions;

    ChannelDecision(DecisionService decisions) {
        this.decisions = decisions;
    }

    boolean line(Company company, Partner partner) {
        Boolean line = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                .putValue("companyLineOption", company.lineOption())
                .putValue("partnerLinkedToLine", partner.linkedToLine())
                .putValue("partnerFollowing", partner.lineFollowing()))
                .getSingleResult().getEntry("line");
        return Boolean.TRUE.equals(line);
    }
}
