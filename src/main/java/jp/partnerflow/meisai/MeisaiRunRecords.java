package jp.partnerflow.meisai;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.payment.PaymentNotice;

/**
 * The records of a run, set-based so a run over 10,000 notices costs a few statements: which
 * approved payment notices a record list holds for a connection, claiming them for the run, and
 * their document rows — read from payment's published views (V20), never payment's tables.
 */
@Repository
class MeisaiRunRecords {
    /**
     * The final version of each approved notice of the company, approved in the list's range, that
     * the import method can take: never issued for a new issue; issued before, but not this version,
     * for a replacement. Read from payment's published view ({@code approved_payment_notice}, V20),
     * never from payment's tables. Parameters: company, from, before.
     */
    private static final String CANDIDATES = """
            FROM approved_payment_notice a
            WHERE a.company_id = ? AND a.approved_at >= ? AND a.approved_at < ?
            """;
    private static final String NEW_ISSUE = """
              AND NOT EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = a.payment_notice_id)
            """;
    private static final String REPLACEMENT = """
              AND EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = a.payment_notice_id AND i.state = 'COMPLETE')
              AND NOT EXISTS (SELECT 1 FROM meisai_issue i WHERE i.payment_notice_id = a.payment_notice_id
                              AND i.version = a.version)
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
                SELECT a.payment_notice_id, a.version, ?, ?, 'PENDING', ?, ?
                """ + CANDIDATES + filter(connection.importMethod()))
                .params(connection.id(), connection.importMethod().name(), Timestamp.from(now), runId, connection.companyId(),
                        Timestamp.from(from), Timestamp.from(before))
                .update();
    }

    /** The run's notices in 帳票No order, so a retried run splits them into the same imports. */
    List<MeisaiDocument> claimedDocuments(long runId) {
        return jdbc.sql("""
                SELECT d.*
                FROM meisai_issue i
                JOIN payment_notice_document d ON d.payment_notice_id = i.payment_notice_id AND d.version = i.version
                WHERE i.run_id = ? ORDER BY d.number""")
                .param(runId)
                .query(MeisaiRunRecords::document)
                .list();
    }

    /** One version of a notice as a document (every 楽楽明細 step of an issuance reads this one row). */
    Optional<MeisaiDocument> document(long paymentNoticeId, int version) {
        return jdbc.sql("SELECT d.* FROM payment_notice_document d WHERE d.payment_notice_id = ? AND d.version = ?")
                .params(paymentNoticeId, version).query(MeisaiRunRecords::document).optional();
    }

    /** The latest version of a notice as a document. */
    Optional<MeisaiDocument> latestDocument(long paymentNoticeId) {
        return jdbc.sql("SELECT d.* FROM payment_notice_document d WHERE d.payment_notice_id = ? ORDER BY d.version DESC LIMIT 1")
                .param(paymentNoticeId).query(MeisaiRunRecords::document).optional();
    }

    private static MeisaiDocument document(ResultSet rs, int row) throws SQLException {
        return new MeisaiDocument(rs.getLong("payment_notice_id"), rs.getString("number"), rs.getLong("partner_id"),
                rs.getString("partner_name"), rs.getLong("company_id"), rs.getString("company_name"),
                rs.getString("billing_month"), new PaymentNotice.Version(rs.getInt("version"),
                        rs.getLong("amount_ten_percent"), rs.getLong("tax_ten_percent"),
                        rs.getLong("amount_eight_percent"), rs.getLong("tax_eight_percent"),
                        rs.getLong("amount_non_taxable"), rs.getLong("expenses"), rs.getLong("withholding"),
                        rs.getLong("amount_paid"), rs.getDate("payment_date").toLocalDate(), rs.getString("note"),
                        instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("confirmation_deadline"))));
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
        return jdbc.sql("SELECT DISTINCT a.partner_id " + CANDIDATES + " ORDER BY a.partner_id")
                .params(companyId, Timestamp.from(from), Timestamp.from(before)).query(Long.class).list();
    }

    private static String filter(MeisaiImportMethod method) {
        return method == MeisaiImportMethod.REPLACE ? REPLACEMENT : NEW_ISSUE;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
