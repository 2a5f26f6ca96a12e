package jp.partnerflow.notification;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;


/**
 * Which channels a notice goes to, as decided by {@code dmn/notification-channels.dmn}. The table's
 * inputs are a handful of yes/no facts, so its answers are kept per deployed version: a month-end
 * burst of notices does not evaluate FEEL (and write decision history) thousands of times. A new
 * version deployed from Modeler is picked up within {@code recheck}.
 */
@Component
class ChannelDecision {
    static final String DECISION = "notification-channels";

    private record Inputs(boolean companyLineOption, boolean partnerLinkedToLine, boolean partnerFollowing) {
    }

    private record Version(String definitionId, long checkedAt, Map<Inputs, Boolean> answers) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final long recheckNanos;
    private volatile Version version;

    @Autowired
    ChannelDecision(DecisionService decisions, RepositoryService repository) {
        this(decisions, repository, Duration.ofSeconds(5));
    }

    ChannelDecision(DecisionService decisions, RepositoryService repository, Duration recheck) {
        this.decisions = decisions;
        this.repository = repository;
        this.recheckNanos = recheck.toNanos();
    }

    boolean line(boolean companyLineOption, boolean partnerLinkedToLine, boolean partnerFollowing) {
        Version current = current();
        return current.answers().computeIfAbsent(new Inputs(companyLineOption, partnerLinkedToLine, partnerFollowing),
                inputs -> evaluate(current.definitionId(), inputs));
    }

    private Version current() {
        Version known = version;
        long now = System.nanoTime();
        if (known != null && now - known.checkedAt() < recheckNanos) {
            return known;
        }
        String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
                .singleResult().getId();
        Version fresh = known != null && known.definitionId().equals(latest)
                ? new Version(latest, now, known.answers())
                : new Version(latest, now, new ConcurrentHashMap<>());
        version = fresh;
        return fresh;
    }

    private boolean evaluate(String definitionId, Inputs inputs) {
        Boolean line = decisions.evaluateDecisionTableById(definitionId, Variables.createVariables()
                .putValue("companyLineOption", inputs.companyLineOption())
                .putValue("partnerLinkedToLine", inputs.partnerLinkedToLine())
                .putValue("partnerFollowing", inputs.partnerFollowing()))
                .getSingleResult().getEntry("line");
        return Boolean.TRUE.equals(line);
    }
}
