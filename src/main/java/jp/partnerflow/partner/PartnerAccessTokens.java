package jp.partnerflow.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.platform.NotFoundException;

/**
 * Bearer tokens for the partner API. Staff issue one for a partner (shown once); the service keeps
 * only its hash. A token works until it expires ({@code partnerflow.partner.token-ttl}) or is revoked.
 */
@Service
public class PartnerAccessTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Clock clock;
    private final Duration ttl;

    PartnerAccessTokens(JdbcClient jdbc, Partners partners, Clock clock,
            @Value("${partnerflow.partner.token-ttl}") Duration ttl) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A token as staff see it: never the token itself. */
    public record TokenInfo(long id, String issuedBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A newly issued token: the only time the token itself is shown. */
    public record Issued(long id, String token, Instant expiresAt) {
    }

    /** A new token for the partner; the caller must hand it over, it cannot be read again. */
    @Transactional
    Issued issue(long partnerId, String issuedBy) {
        partners.get(partnerId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO partner_access_token (token_hash, partner_id, issued_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(hash(token), partnerId, issuedBy, Timestamp.from(now), Timestamp.from(expires))
                .update(id, "id");
        return new Issued(id.getKeyAs(Long.class), token, expires);
    }

    List<TokenInfo> of(long partnerId) {
        partners.get(partnerId);
        return jdbc.sql("""
                SELECT id, issued_by, created_at, expires_at, revoked_at FROM partner_access_token
                WHERE partner_id = ? ORDER BY id""").param(partnerId)
                .query((rs, i) -> new TokenInfo(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    /** From now on the token signs no one in; revoking it again changes nothing. */
    @Transactional
    void revoke(long partnerId, long tokenId) {
        int found = jdbc.sql("""
                UPDATE partner_access_token SET revoked_at = COALESCE(revoked_at, ?) WHERE partner_id = ? AND id = ?""")
                .params(Timestamp.from(clock.instant()), partnerId, tokenId).update();
        if (found == 0) {
            throw new NotFoundException("access token", tokenId);
        }
    }

    /** The partner a presented token belongs to, while it is valid. */
    public Optional<PartnerPrincipal> authenticate(String token) {
        return jdbc.sql("""
                SELECT partner_id FROM partner_access_token
                WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?""")
                .params(hash(token), Timestamp.from(clock.instant()))
                .query(Long.class).optional()
                .map(PartnerPrincipal::new);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
