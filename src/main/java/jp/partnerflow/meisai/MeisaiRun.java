package jp.partnerflow.meisai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import jp.partnerflow.meisai.MeisaiSettings.RunTrigger;

/**
 * One run of a connection over a record list (連携実行): by hand or by the connection's timer, who ran
 * it, how many records it took, the imports it sent and how it ended.
 *
 * @param executor the staff user who ran it, or who set the timer that did
 * @param errors what went wrong, newest last (a retried run keeps them)
 */
@Table("meisai_run")
public record MeisaiRun(@Id Long id, long connectionId, long recordListId, RunTrigger triggeredBy, String executor,
        int recordCount, State state, String errors, Instant startedAt, Instant finishedAt, String processInstanceId,
        @MappedCollection(idColumn = "run_id", keyColumn = "position") List<Import> imports) {

    public enum State {
        RUNNING, COMPLETE, FAILED
    }

    /** One import the run sent: its id at 楽楽明細, how many records, and whether 楽楽明細 finished it. */
    @Table("meisai_run_import")
    public record Import(String importId, int recordCount, boolean complete) {
    }

    static MeisaiRun started(long connectionId, long recordListId, RunTrigger trigger, String executor, Instant at) {
        return new MeisaiRun(null, connectionId, recordListId, trigger, executor, 0, State.RUNNING, null, at, null, null,
                List.of());
    }

    MeisaiRun withRecords(int count) {
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, count, state, errors, startedAt,
                finishedAt, processInstanceId, imports);
    }

    MeisaiRun withProcess(String processInstance) {
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, recordCount, state, errors, startedAt,
                finishedAt, processInstance, imports);
    }

    MeisaiRun withImport(Import sent) {
        List<Import> all = new ArrayList<>(imports);
        all.add(sent);
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, recordCount, State.RUNNING, errors,
                startedAt, finishedAt, processInstanceId, List.copyOf(all));
    }

    MeisaiRun withImports(List<Import> updated) {
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, recordCount, state, errors, startedAt,
                finishedAt, processInstanceId, List.copyOf(updated));
    }

    MeisaiRun completed(Instant at) {
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, recordCount, State.COMPLETE, errors,
                startedAt, at, processInstanceId, imports);
    }

    MeisaiRun failed(String error, Instant at) {
        String all = errors == null ? error : errors + "\n" + error;
        return new MeisaiRun(id, connectionId, recordListId, triggeredBy, executor, recordCount, State.FAILED,
                all.length() > 4000 ? all.substring(all.length() - 4000) : all, startedAt, at, processInstanceId, imports);
    }
}
