package jp.partnerflow.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import jp.partnerflow.partner.PartnerAccessTokens.TokenInfo;

/** The partner API's tokens, kept as hashes only. */
@Repository
class PartnerAccessTokenRepository {
    private final JdbcClient jdbc;

    PartnerAccessTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new token's hash; returns its id. */
    long insert(String tokenHash, long partnerId, String issuedBy, Instant createdAt, Instant expiresAt) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO partner_access_token (token_hash, partner_id, issued_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(tokenHash, partnerId, issuedBy, Timestamp.from(createdAt), Timestamp.from(expiresAt))
                .update(id, "id");
        return id.getKeyAs(Long.class);
    }

    List<TokenInfo> ofPartner(long partnerId) {
        return jdbc.sql("""
                SELECT id, issued_by, created_at, expires_at, revoked_at FROM partner_access_token
                WHERE partner_id = ? ORDER BY id""").param(partnerId)
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    /** Revokes the partner's token (a revoked one keeps its time); false when the partner has no such token. */
    boolean revoke(long partnerId, long tokenId, Instant at) {
        return jdbc.sql("""
                UPDATE partner_access_token SET revoked_at = COALESCE(revoked_at, ?) WHERE partner_id = ? AND id = ?""")
                .params(Timestamp.from(at), partnerId, tokenId).update() == 1;
    }

    /** The partner of a token that is neither revoked nor expired at the time given. */
    Optional<Long> partnerOfValid(String tokenHash, Instant at) {
        return jdbc.sql("""
                SELECT partner_id FROM partner_access_token
                WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
                .params(tokenHash, Timestamp.from(at)).query(Long.class).optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
