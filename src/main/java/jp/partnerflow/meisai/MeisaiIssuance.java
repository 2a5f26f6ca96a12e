package jp.partnerflow.meisai;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.payment.PaymentNoticeApproved;
import jp.partnerflow.platform.CaseKey;

/**
 * Issuing approved payment notices through 楽楽明細, the steps of {@code bpmn/meisai-issuance.bpmn}:
 * hand-over (only when the company has a document connection), the import (new, or a replacement
 * keyed by 帳票No once an earlier version was issued — {@code dmn/meisai-issue-policy.dmn} decides),
 * the import state, and the record update afterwards.
 */
@Service("meisaiIssuance")
public class MeisaiIssuance implements MeisaiIssuanceSteps {
    private static final Logger log = LoggerFactory.getLogger(MeisaiIssuance.class);

    private final MeisaiIssueRepository issues;
    private final MeisaiConnections connections;
    private final MeisaiImports imports;
    private final MeisaiReportMail reportMail;
    private final MeisaiCustomers customers;
    private final MeisaiDocumentFiles documentFiles;
    private final MeisaiRecordUpdates recordUpdates;
    private final MeisaiRunRecords records;
    private final Partners partners;
    private final RuntimeService runtime;
    private final Clock clock;
    private final String retryCycle;

    MeisaiIssuance(MeisaiIssueRepository issues, MeisaiConnections connections, MeisaiImports imports,
            MeisaiReportMail reportMail, MeisaiCustomers customers, MeisaiDocumentFiles documentFiles,
            MeisaiRecordUpdates recordUpdates, MeisaiRunRecords records, Partners partners, RuntimeService runtime, Clock clock,
            @Value("${partnerflow.meisai.retry-cycle}") String retryCycle) {
        this.issues = issues;
        this.connections = connections;
        this.imports = imports;
        this.reportMail = reportMail;
        this.customers = customers;
        this.documentFiles = documentFiles;
        this.recordUpdates = recordUpdates;
        this.records = records;
        this.partners = partners;
        this.runtime = runtime;
        this.clock = clock;
        this.retryCycle = retryCycle;
    }

    /** {@code ${meisaiIssuance.retryCycle}}: back-off of a call 楽楽明細 could not take. */
    @Override
    public String getRetryCycle() {
        return retryCycle;
    }


    /** An approved payment notice goes to 楽楽明細, once per version, when its company has it set up. */
    @EventListener
    @Transactional
    public void handOver(PaymentNoticeApproved approved) {
        long paymentNoticeId = approved.paymentNoticeId();
        MeisaiDocument notice = records.latestDocument(paymentNoticeId).orElseThrow(() -> notHandedOver(paymentNoticeId));
        int version = notice.version().version();
        if (connections.ofCompany(notice.companyId()).stream().noneMatch(c -> c.dataKind().document() && c.issueOnApproval())) {
            log.info("payment notice {} is not issued at approval: company {} has no document connection that does",
                    notice.number(), notice.companyId());
            return;
        }
        if (issues.findByPaymentNoticeIdAndVersion(paymentNoticeId, version).isPresent()) {
            return; // claimed by a run, or handed over before
        }
        issues.save(MeisaiIssue.claimed(paymentNoticeId, version, clock.instant()));
        runtime.startProcessInstanceByKey(MeisaiIssuanceProcess.ID,
                CaseKey.of(notice.partnerName(), notice.number() + " v" + version), MeisaiIssuanceProcess.start(
                paymentNoticeId, version, issues.existsByPaymentNoticeIdAndState(paymentNoticeId, MeisaiIssue.State.COMPLETE)));
    }

    // Each step reads the one document row of its notice (payment's published view) for the
    // company, partner and number it needs; the partner's whole record only for customer data.

    @Override
    public String importCustomer(long paymentNoticeId) {
        MeisaiDocument notice = latest(paymentNoticeId);
        Optional<MeisaiConnection> connection = customerConnection(notice.companyId());
        if (connection.isEmpty()) {
            return null;
        }
        List<String> row = MeisaiRecords.customer(partners.get(notice.partnerId()));
        if (!customers.changed(connection.get().id(), notice.partnerId(), row)) {
            return null;
        }
        String code = MeisaiRecords.customerCode(notice.partnerId());
        byte[] csv = MeisaiRecords.files(MeisaiRecords.CUSTOMER_HEADER, List.of(row), List.of(code)).get(0);
        return imports.importCustomers(connection.get(), csv, "パートナー " + code);
    }

    @Override
    public String customerImportState(long paymentNoticeId, String customerImportId) {
        MeisaiConnection connection = customerConnection(latest(paymentNoticeId).companyId()).orElseThrow();
        return imports.customerImportState(connection, customerImportId).runningOrComplete(customerImportId);
    }

    @Override
    @Transactional
    public void customerCompleted(long paymentNoticeId) {
        MeisaiDocument notice = latest(paymentNoticeId);
        MeisaiConnection connection = customerConnection(notice.companyId()).orElseThrow();
        customers.imported(connection.id(), notice.partnerId(), MeisaiRecords.customer(partners.get(notice.partnerId())),
                clock.instant());
    }

    private Optional<MeisaiConnection> customerConnection(long companyId) {
        return connections.ofCompany(companyId).stream().filter(c -> !c.dataKind().document() && c.issueOnApproval())
                .findFirst();
    }

    /** Sends the claimed version as document data; a retry after the import was accepted sends nothing again. */
    @Transactional
    @Override
    public String importDocument(long paymentNoticeId, int version, Map<String, Object> policy) {
        MeisaiIssue claimed = issue(paymentNoticeId, version);
        if (claimed.importId() != null) {
            return claimed.importId();
        }
        MeisaiDocument document = records.document(paymentNoticeId, version).orElseThrow(() -> notHandedOver(paymentNoticeId));
        MeisaiIssuePolicy decided = MeisaiIssuePolicy.of(policy);
        MeisaiConnection connection = connection(document.companyId(), decided.connectionName());
        MeisaiImportMethod method = decided.importMethod();
        List<MeisaiFile> files = new ArrayList<>();
        documentFiles.eachPart(connection.dataKind(), List.of(document), (index, part) -> files.addAll(part.files()));
        String importId = imports.importDocuments(connection, method, files,
                "支払通知書 " + document.number() + " 第" + version + "版");
        issues.save(claimed.imported(connection.id(), method, importId));
        return importId;
    }

    /** {@code active} or {@code complete}; any other state fails the step (an incident once retried). */
    @Override
    public String importState(long paymentNoticeId, int version) {
        MeisaiIssue issue = issue(paymentNoticeId, version);
        return imports.documentImportState(connections.get(issue.connectionId()), issue.importId())
                .runningOrComplete(issue.importId());
    }

    /** The import is complete: recorded, and the payment notice's fields set as the connection says. */
    @Transactional
    @Override
    public void completed(long paymentNoticeId, int version) {
        MeisaiIssue issue = issue(paymentNoticeId, version);
        Instant now = clock.instant();
        issues.save(issue.completed(now));
        recordUpdates.apply(connections.get(issue.connectionId()), List.of(paymentNoticeId), now);
    }

    @Override
    public void reportCompleted(long paymentNoticeId, int version) {
        MeisaiIssue issue = issue(paymentNoticeId, version);
        String number = latest(paymentNoticeId).number();
        reportMail.completed(connections.get(issue.connectionId()), null, number,
                "帳票No: " + number + "\n取込ID: " + issue.importId());
    }

    /** The error report mail of an issuance that became an incident ({@link MeisaiIncidentMail}). */
    void reportFailed(long paymentNoticeId, Object policy, String reason) {
        MeisaiDocument notice = latest(paymentNoticeId);
        reportMail.failed(connection(notice.companyId(), MeisaiIssuePolicy.connectionNameIn(policy)), null, notice.number(),
                "帳票No: " + notice.number() + "\n内容: " + reason);
    }

    private MeisaiDocument latest(long paymentNoticeId) {
        return records.latestDocument(paymentNoticeId).orElseThrow(() -> notHandedOver(paymentNoticeId));
    }

    private static IllegalStateException notHandedOver(long paymentNoticeId) {
        return new IllegalStateException("no payment notice " + paymentNoticeId);
    }

    public List<MeisaiIssue> ofPaymentNotice(long paymentNoticeId) {
        return issues.findByPaymentNoticeIdOrderByVersion(paymentNoticeId);
    }

    /**
     * The document connection an approved notice is issued through: the one dmn/meisai-issue-policy.dmn
     * names, else the company's first — of those that issue on approval (a batch-only connection never does).
     */
    private MeisaiConnection connection(long companyId, Optional<String> name) {
        return connections.ofCompany(companyId).stream()
                .filter(c -> c.dataKind().document() && c.issueOnApproval())
                .filter(c -> name.map(c.name()::equals).orElse(true))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("company " + companyId
                        + " has no document connection that issues on approval" + name.map(n -> " named " + n).orElse("")));
    }

    private MeisaiIssue issue(long paymentNoticeId, int version) {
        return issues.findByPaymentNoticeIdAndVersion(paymentNoticeId, version).orElseThrow(() ->
                new IllegalStateException("version " + version + " of payment notice " + paymentNoticeId + " was not handed over"));
    }
}
