package jp.partnerflow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The base of every Tasklist form's listener (create and complete on the task): it fills the form
 * when the task is created and acts on what was entered when it is completed, for the document its
 * process is about (a numeric id variable, e.g. {@code invoiceId}).
 */
public abstract class TasklistFormListener implements TaskListener {
    private final ProcessVariable<Long> document;

    protected TasklistFormListener(String idVariable) {
        this.document = ProcessVariable.id(idVariable);
    }

    @Override
    public final void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, document.from(task));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, document.from(task));
        }
    }

    /** Names the task by its case and fills the form ({@link TaskForm#fill}). */
    protected abstract void created(DelegateTask task, long id);

    /** Reads the form ({@link TaskForm#field}) and records what was decided; a refusal is an {@link InvalidFieldException}. */
    protected abstract void completed(DelegateTask task, long id);
}
