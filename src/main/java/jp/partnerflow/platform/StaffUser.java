package jp.partnerflow.platform;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The staff member behind a Tasklist action: the signed-in user (Tasklist, or the engine REST API). */
public final class StaffUser {
    private static final String UNKNOWN = "unknown";

    private StaffUser() {
    }

    /** Who completes the task; the assignee if no one is signed in (e.g. a completion from Java). */
    public static String completing(DelegateTask task) {
        return signedIn(task).orElse(task.getAssignee() != null ? task.getAssignee() : UNKNOWN);
    }

    /** Who started the process from a Tasklist start form. */
    public static String starting(DelegateExecution execution) {
        return signedIn(execution).orElse(UNKNOWN);
    }

    private static Optional<String> signedIn(ProcessEngineServicesAware context) {
        Authentication current = context.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return Optional.ofNullable(current).map(Authentication::getUserId);
    }
}
