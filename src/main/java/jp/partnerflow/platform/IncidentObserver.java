package jp.partnerflow.platform;

import org.camunda.bpm.engine.impl.incident.IncidentContext;

/**
 * A feature told of each incident of a failed job (after it is raised, in the job's command), with
 * its message as Cockpit shows it; see {@link IncidentsNameTheirCase}.
 */
public interface IncidentObserver {

    void raised(IncidentContext incident, String message);
}
