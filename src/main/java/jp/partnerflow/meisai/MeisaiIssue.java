package jp.partnerflow.meisai;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;

/**
 * One version of a payment notice sent to 楽楽明細, and how its import ended. Unique per version: a
 * version goes out once, by its hand-over at approval or by one run ({@code runId}), which claims it
 * as PENDING before its import is accepted.
 */
@Table("meisai_issue")
public record MeisaiIssue(@Id Long id, long paymentNoticeId, int version, Long connectionId,
        MeisaiImportMethod importMethod, String importId, State state, Instant requestedAt, Instant completedAt,
        Long runId) {

    public enum State {
        PENDING, IMPORTING, COMPLETE
    }

    /** The hand-over at approval claims the version before its process decides how to send it. */
    static MeisaiIssue claimed(long paymentNoticeId, int version, Instant at) {
        return new MeisaiIssue(null, paymentNoticeId, version, null, null, null, State.PENDING, at, null, null);
    }

    MeisaiIssue imported(long connection, MeisaiImportMethod method, String accepted) {
        return new MeisaiIssue(id, paymentNoticeId, version, connection, method, accepted, State.IMPORTING, requestedAt,
                null, runId);
    }

    MeisaiIssue completed(Instant at) {
        return new MeisaiIssue(id, paymentNoticeId, version, connectionId, importMethod, importId, State.COMPLETE,
                requestedAt, at, runId);
    }
}
