package jp.partnerflow.meisai;

import java.util.Optional;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import jp.partnerflow.platform.IncidentObserver;
import jp.partnerflow.platform.ProcessVariable;

/**
 * When a 楽楽明細 issuance or run runs out of retries, the incident is raised as always; a run is
 * recorded as failed with the reason, and, when the connection asks for it, the error report mail
 * goes out. Both are best effort: a mail server that is down never stops the incident from being
 * raised (it is logged).
 */
@Component
class MeisaiIncidentMail implements IncidentObserver {
    private static final Logger log = LoggerFactory.getLogger(MeisaiIncidentMail.class);
    private static final ProcessVariable<Long> RUN = ProcessVariable.id(MeisaiRunProcess.RUN_ID);
    private static final ProcessVariable<Long> PAYMENT_NOTICE = ProcessVariable.id(MeisaiIssuanceProcess.PAYMENT_NOTICE_ID);

    private final ObjectProvider<MeisaiIssuance> issuance;
    private final ObjectProvider<MeisaiRuns> runs;

    MeisaiIncidentMail(ObjectProvider<MeisaiIssuance> issuance, ObjectProvider<MeisaiRuns> runs) {
        this.issuance = issuance;
        this.runs = runs;
    }

    @Override
    public void raised(IncidentContext incident, String message) {
        String definition = incident.getProcessDefinitionId();
        if (definition != null && (definition.startsWith(MeisaiIssuanceProcess.ID + ":")
                || definition.startsWith(MeisaiRunProcess.ID + ":"))) {
            report(incident.getExecutionId(), message);
        }
    }

    private void report(String executionId, String message) {
        try {
            ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(executionId);
            Optional<Long> runId = RUN.optionalFrom(execution);
            if (runId.isPresent()) {
                runs.getObject().failed(runId.get(), message);
                return;
            }
            long paymentNoticeId = PAYMENT_NOTICE.from(execution);
            issuance.getObject().reportFailed(paymentNoticeId, execution.getVariable(MeisaiIssuanceProcess.POLICY), message);
        } catch (RuntimeException e) {
            log.warn("the error report mail of a 楽楽明細 incident could not be sent: {}", e.toString());
        }
    }
}
