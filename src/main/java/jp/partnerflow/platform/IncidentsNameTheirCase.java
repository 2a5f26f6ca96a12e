package jp.partnerflow.platform;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An incident's message begins with its case — the business key of its process instance, which
 * names the partner and the document (e.g. 「佐藤 花子 / PN-202611-00001」) — so Cockpit's incident
 * list says what is stuck without a look into the database. Features that act on an incident
 * (the 楽楽明細 error mail) observe it here: Camunda has one handler per incident type.
 */
@Component
class IncidentsNameTheirCase extends AbstractProcessEnginePlugin {
    private final ObjectProvider<IncidentObserver> observers;

    IncidentsNameTheirCase(ObjectProvider<IncidentObserver> observers) {
        this.observers = observers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomIncidentHandlers(List.of(new NamingTheCase(Incident.FAILED_JOB_HANDLER_TYPE)));
    }

    private final class NamingTheCase extends DefaultIncidentHandler {
        NamingTheCase(String type) {
            super(type);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            String businessKey = context.getExecutionId() == null ? null : businessKeyOf(context.getExecutionId());
            String named = businessKey == null ? message : businessKey + " / " + message;
            Incident incident = super.handleIncident(context, named);
            observers.orderedStream().forEach(observer -> observer.raised(context, named));
            return incident;
        }

        private static String businessKeyOf(String executionId) {
            ExecutionEntity execution = Context.getCommandContext().getExecutionManager().findExecutionById(executionId);
            return execution == null ? null : execution.getProcessBusinessKey();
        }
    }
}
