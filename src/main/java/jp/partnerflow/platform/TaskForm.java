package jp.partnerflow.platform;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The fields of a Tasklist form on a user task, the same whichever way the task is completed.
 * Tasklist's {@code submit-form} writes them onto the task, where {@link #fill} put the prefilled
 * values; the engine REST API's {@code complete} writes them onto the process. A value on the
 * process is what this completion gave (fill removed any earlier one), so it wins and is taken off
 * the process again: the form's fields stay the task's.
 */
public final class TaskForm {
    private TaskForm() {
    }

    /** At task creation: the form's fields with their prefilled values (or null), local to the task. */
    public static void fill(DelegateTask task, Map<String, ?> fields) {
        DelegateExecution process = task.getExecution();
        fields.keySet().forEach(process::removeVariable);
        task.setVariablesLocal(fields);
    }

    /** At completion: the value the user gave the field (null if none); text must be plain ({@link PlainText}). */
    public static Object field(DelegateTask task, String name) {
        DelegateExecution process = task.getExecution();
        Object given = task.getVariableLocal(name);
        if (process.hasVariable(name)) {
            given = process.getVariable(name);
            process.removeVariable(name);
        }
        if (given instanceof String text) {
            PlainText.check(name, text);
        }
        return given;
    }
}
