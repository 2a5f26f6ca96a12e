package jp.partnerflow.meisai;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jp.partnerflow.meisai.MeisaiSettings.RunTrigger;
import jp.partnerflow.partner.Partner;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.platform.CaseKey;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/**
 * Runs of a connection over a record list, by hand or by its timer — the steps of
 * {@code bpmn/meisai-run.bpmn}: the run claims its records when it opens, sends them in imports of
 * at most 10,000 records or 3 MB (each accepted import is recorded at once, so a retried step sends
 * only what was not accepted yet), waits until 楽楽明細 has completed every import, then updates the
 * records and mails the report.
 */
@Service("meisaiRuns")
public class MeisaiRuns {
    private final MeisaiRunRepository runs;
    private final MeisaiRecordListRepository recordLists;
    private final MeisaiRunRecords records;
    private final MeisaiConnections connections;
    private final MeisaiImports imports;
    private final MeisaiDocumentFiles documentFiles;
    private final MeisaiCustomers customers;
    private final MeisaiRecordUpdates recordUpdates;
    private final MeisaiReportMail reportMail;
    private final Partners partners;
    private final RuntimeService runtime;
    /** Each accepted import is recorded at once, whatever the job's own transaction does later. */
    private final TransactionTemplate recordAtOnce;
    private final Clock clock;
    private final String retryCycle;

    MeisaiRuns(MeisaiRunRepository runs, MeisaiRecordListRepository recordLists, MeisaiRunRecords records,
            MeisaiConnections connections, MeisaiImports imports, MeisaiDocumentFiles documentFiles, MeisaiCustomers customers,
            MeisaiRecordUpdates recordUpdates, MeisaiReportMail reportMail, Partners partners, RuntimeService runtime,
            PlatformTransactionManager transactions, Clock clock, @Value("${partnerflow.meisai.retry-cycle}") String retryCycle) {
        this.runs = runs;
        this.recordLists = recordLists;
        this.records = records;
        this.connections = connections;
        this.imports = imports;
        this.documentFiles = documentFiles;
        this.customers = customers;
        this.recordUpdates = recordUpdates;
        this.reportMail = reportMail;
        this.partners = partners;
        this.runtime = runtime;
        this.recordAtOnce = new TransactionTemplate(transactions);
        this.recordAtOnce.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.retryCycle = retryCycle;
    }

    /** {@code ${meisaiRuns.retryCycle}}: back-off of a call 楽楽明細 could not take. */
    public String getRetryCycle() {
        return retryCycle;
    }


    /** Runs the connection now over the record list, as the executor; the run goes on in the background. */
    @Transactional
    public MeisaiRun runNow(long connectionId, long recordListId, String executor) {
        MeisaiRun run = open(connections.get(connectionId), recordList(recordListId, connectionId), RunTrigger.MANUAL,
                executor);
        runtime.startProcessInstanceByKey(MeisaiRunProcess.ID, caseKey(run.id()), MeisaiRunProcess.start(run.id()));
        return get(run.id());
    }

    /**
     * {@code ${meisaiRuns.caseKey(runId)}}: a run's business key (by hand, or called by the timers'
     * process), e.g. 「月次一括 / 実行12」 — Cockpit lists it so, and its incidents begin with it.
     */
    public String caseKey(long runId) {
        return CaseKey.of(connections.get(get(runId).connectionId()).name(), "実行" + runId);
    }

    /** The run's process started (by hand, or called by the timers' process): recorded with the run. */
    @Transactional
    public void started(long runId, String processInstanceId) {
        runs.save(get(runId).withProcess(processInstanceId));
    }

    /** Opens a run: recorded, and its records claimed (a notice version is claimed by one run only). */
    MeisaiRun open(MeisaiConnection connection, MeisaiRecordList list, RunTrigger trigger, String executor) {
        Instant now = clock.instant();
        MeisaiRun run = runs.save(MeisaiRun.started(connection.id(), list.id(), trigger, executor, now));
        int count = connection.dataKind().document()
                ? records.claimDocuments(run.id(), connection, list.approvedFrom(now), list.approvedBefore(now), now)
                : customerRows(connection, list, run.startedAt()).size();
        return runs.save(run.withRecords(count));
    }

    /** How many records a run of the connection over the list would take now (timers: fewer first). */
    int candidates(MeisaiConnection connection, MeisaiRecordList list) {
        Instant now = clock.instant();
        return connection.dataKind().document()
                ? records.countDocuments(connection.companyId(), connection.importMethod(), list.approvedFrom(now),
                        list.approvedBefore(now))
                : customerRows(connection, list, now).size();
    }

    /** Sends what was not accepted yet, import by import, each recorded in its own transaction. */
    public void send(long runId) {
        MeisaiRun run = get(runId);
        MeisaiConnection connection = connections.get(run.connectionId());
        if (connection.dataKind().document()) {
            sendDocuments(run, connection);
        } else {
            sendCustomers(run, connection);
        }
    }

    private void sendDocuments(MeisaiRun run, MeisaiConnection connection) {
        List<MeisaiDocument> documents = records.claimedDocuments(run.id());
        int accepted = run.imports().size();
        documentFiles.eachPart(connection.dataKind(), documents, (index, part) -> {
            if (index < accepted) {
                return;
            }
            String importId = imports.importDocuments(connection, connection.importMethod(), part.files(),
                    memo(connection, run, index));
            List<Long> sent = documents.subList(part.from(), part.to()).stream().map(MeisaiDocument::paymentNoticeId).toList();
            recordAtOnce.executeWithoutResult(tx -> {
                records.imported(run.id(), sent, importId);
                runs.save(get(run.id()).withImport(new MeisaiRun.Import(importId, part.to() - part.from(), false)));
            });
        });
    }

    private void sendCustomers(MeisaiRun run, MeisaiConnection connection) {
        List<List<String>> rows = customerRows(connection, recordLists.findById(run.recordListId()).orElseThrow(),
                run.startedAt());
        List<MeisaiRecords.Part> parts = MeisaiRecords.parts(MeisaiRecords.CUSTOMER_HEADER, rows,
                rows.stream().map(r -> r.get(0)).toList());
        for (int p = run.imports().size(); p < parts.size(); p++) {
            MeisaiRecords.Part part = parts.get(p);
            String importId = imports.importCustomers(connection, part.csv(), memo(connection, run, p));
            long id = run.id();
            run = recordAtOnce.execute(tx -> runs.save(get(id).withImport(
                    new MeisaiRun.Import(importId, part.to() - part.from(), false))));
        }
    }

    /** {@code active} while any import is; {@code complete} once all are; a failed import fails the step. */
    public String state(long runId) {
        MeisaiRun run = get(runId);
        MeisaiConnection connection = connections.get(run.connectionId());
        List<MeisaiRun.Import> checked = new ArrayList<>();
        boolean active = false;
        for (MeisaiRun.Import sent : run.imports()) {
            if (!sent.complete()) {
                MeisaiApi.ImportState state = connection.dataKind().document()
                        ? imports.documentImportState(connection, sent.importId())
                        : imports.customerImportState(connection, sent.importId());
                active |= state.runningOrComplete(sent.importId()).equals("active");
                sent = new MeisaiRun.Import(sent.importId(), sent.recordCount(), state.complete());
            }
            checked.add(sent);
        }
        runs.save(run.withImports(checked));
        return active ? "active" : "complete";
    }

    /** Every import is complete: the records are updated as the connection says and the run is done. */
    @Transactional
    public void completed(long runId) {
        MeisaiRun run = get(runId);
        MeisaiConnection connection = connections.get(run.connectionId());
        Instant now = clock.instant();
        if (connection.dataKind().document()) {
            recordUpdates.apply(connection, records.completed(runId, now), now);
        } else {
            for (List<String> row : customerRows(connection, recordLists.findById(run.recordListId()).orElseThrow(),
                    run.startedAt())) {
                customers.imported(connection.id(), MeisaiRecords.partnerId(row.get(0)), row, now);
            }
        }
        runs.save(run.completed(now));
    }

    public void reportCompleted(long runId) {
        MeisaiRun run = get(runId);
        MeisaiConnection connection = connections.get(run.connectionId());
        reportMail.completed(connection, run.executor(), memo(connection, run, 0), details(run, null));
    }

    /** The run became an incident: recorded as failed with the reason, and the error report mail sent. */
    void failed(long runId, String reason) {
        MeisaiRun run = runs.save(get(runId).failed(reason, clock.instant()));
        MeisaiConnection connection = connections.get(run.connectionId());
        reportMail.failed(connection, run.executor(), memo(connection, run, 0), details(run, reason));
    }

    public MeisaiRun get(long runId) {
        return runs.findById(runId).orElseThrow(() -> new NotFoundException("楽楽明細 run", runId));
    }

    List<MeisaiRun> ofConnection(long connectionId) {
        return runs.findByConnectionIdOrderByIdDesc(connectionId);
    }

    MeisaiRecordList recordList(long recordListId, long connectionId) {
        MeisaiRecordList list = recordLists.findById(recordListId)
                .orElseThrow(() -> new InvalidFieldException("recordListId", "no such record list"));
        if (list.companyId() != connections.get(connectionId).companyId()) {
            throw new InvalidFieldException("recordListId", "is a record list of another company");
        }
        return list;
    }

    /** Customer data of the partners with notices in the list, those new or changed since their last import. */
    private List<List<String>> customerRows(MeisaiConnection connection, MeisaiRecordList list, Instant at) {
        List<List<String>> rows = new ArrayList<>();
        for (long partnerId : records.partners(connection.companyId(), list.approvedFrom(at), list.approvedBefore(at))) {
            Partner partner = partners.get(partnerId);
            List<String> row = MeisaiRecords.customer(partner);
            if (customers.changed(connection.id(), partnerId, row)) {
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The run as 楽楽明細 and the report mail name it (an import's inputUserComment): the connection, the
     * run and, from the second import on, the import's number.
     */
    private static String memo(MeisaiConnection connection, MeisaiRun run, int part) {
        return connection.name() + " 実行" + run.id() + (part > 0 ? " (" + (part + 1) + ")" : "");
    }

    private static String details(MeisaiRun run, String reason) {
        String text = "件数: " + run.recordCount() + "\n取込ID: "
                + String.join(", ", run.imports().stream().map(MeisaiRun.Import::importId).toList());
        return reason == null ? text : text + "\n内容: " + reason;
    }
}
