package jp.partnerflow.meisai;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.payment.PaymentNotice;

/**
 * The records of a run, set-based so a run over 10,000 notices costs a few statements: which
 * approved payment notices a record list holds for a connection, claiming them for the run, and
 * their document rows.
 */
@Repository
class MeisaiRunRecords {
    /**
     * The latest version of each approved notice of the company, approved in the list's range, that
     * the import method can take: never issued for a new issue; issued before, but not this version,
     * for a replacement. Parameters: company, from, before.
     */
    private static final String CANDIDATES = """
            FROM payment_notice n
            JOIN partner p ON p.id = n.partner_id
            JOIN payment_notice_version v ON v.payment_notice_id = n.id
             AND v.version = (SELECT MAX(l.version) FROM payment_notice_version l WHERE l.payment_notice_id = n.id)
            WHERE p.company_id = ? AND n.status IN ('APPROVED', 'AUTO_APPROVED')
              AND EXISTS (SELECT 1 FROM payment_notice_event e WHERE e.payment_notice_id = n.id AND e.version = v.version
                          AND e.kind IN ('APPROVED', 'AUTO_APPROVED') AND e.occurred_at >= ? AND e.occurred_at < ?)
            """;
    private static final String NEW_ISSUE = """
              AND NOT EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = n.id)
            """;
    private static final String REPLACEMENT = """
              AND EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = n.id AND i.state = 'COMPLETE')
              AND NOT EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = n.id AND i.version = v.version)
            """;

    private final JdbcClient jdbc;

    MeisaiRunRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int countDocuments(long companyId, MeisaiImportMethod method, Instant from, Instant before) {
        return jdbc.sql("SELECT COUNT(*) " + CANDIDATES + filter(method))
                .params(companyId, Timestamp.from(from), Timestamp.from(before)).query(Integer.class).single();
    }

    /** Claims the candidates for the run as PENDING issues; returns how many. */
    int claimDocuments(long runId, MeisaiConnection connection, Instant from, Instant before, Instant now) {
        return jdbc.sql("""
                INSERT INTO meisai_issue (payment_notice_id, version, connection_id, import_method, state, requested_at, run_id)
                SELECT n.id, v.version, ?, ?, 'PENDING', ?, ?
                """ + CANDIDATES + filter(connection.importMethod()))
                .params(connection.id(), connection.importMethod().name(), Timestamp.from(now), runId, connection.companyId(),
                        Timestamp.from(from), Timestamp.from(before))
                .update();
    }

    /** The run's notices in 帳票No order, so a retried run splits them into the same imports. */
    List<MeisaiDocument> claimedDocuments(long runId) {
        return jdbc.sql("""
                SELECT n.id, n.number, n.partner_id, p.name AS partner_name, c.name AS company_name, n.billing_month, v.*
                FROM meisai_issue i
                JOIN payment_notice n ON n.id = i.payment_notice_id
                JOIN partner p ON p.id = n.partner_id
                JOIN company c ON c.id = p.company_id
                JOIN payment_notice_version v ON v.payment_notice_id = i.payment_notice_id AND v.version = i.version
                WHERE i.run_id = ? ORDER BY n.number""")
                .param(runId)
                .query((rs, row) -> new MeisaiDocument(rs.getLong("id"), rs.getString("number"), rs.getLong("partner_id"),
                        rs.getString("partner_name"), rs.getString("company_name"), rs.getString("billing_month"), new PaymentNotice.Version(rs.getInt("version"),
                                rs.getLong("amount_ten_percent"), rs.getLong("tax_ten_percent"),
                                rs.getLong("amount_eight_percent"), rs.getLong("tax_eight_percent"),
                                rs.getLong("amount_non_taxable"), rs.getLong("expenses"), rs.getLong("withholding"),
                                rs.getLong("amount_paid"), rs.getDate("payment_date").toLocalDate(), rs.getString("note"),
                                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("confirmation_deadline")))))
                .list();
    }

    void imported(long runId, Collection<Long> paymentNoticeIds, String importId) {
        jdbc.sql("UPDATE meisai_issue SET import_id = :importId, state = 'IMPORTING' WHERE run_id = :run AND payment_notice_id IN (:ids)")
                .param("importId", importId).param("run", runId).param("ids", paymentNoticeIds).update();
    }

    /** Marks the run's issues complete; returns their notices. */
    List<Long> completed(long runId, Instant at) {
        jdbc.sql("UPDATE meisai_issue SET state = 'COMPLETE', completed_at = ? WHERE run_id = ?")
                .params(Timestamp.from(at), runId).update();
        return jdbc.sql("SELECT payment_notice_id FROM meisai_issue WHERE run_id = ?").param(runId).query(Long.class).list();
    }

    /** The partners with an approved notice in the list's range (customer data goes by partner). */
    List<Long> partners(long companyId, Instant from, Instant before) {
        return jdbc.sql("SELECT DISTINCT n.partner_id " + CANDIDATES + " ORDER BY n.partner_id")
                .params(companyId, Timestamp.from(from), Timestamp.from(before)).query(Long.class).list();
    }

    private static String filter(MeisaiImportMethod method) {
        return method == MeisaiImportMethod.REPLACE ? REPLACEMENT : NEW_ISSUE;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
