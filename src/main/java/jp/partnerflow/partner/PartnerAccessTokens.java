package jp.partnerflow.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the partner API. Staff issue one for a partner (shown once); the service keeps
 * only its hash. LINE Login (a later issue) will sign partners in without one.
 */
@Service
public class PartnerAccessTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Clock clock;

    PartnerAccessTokens(JdbcClient jdbc, Partners partners, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
    }

    /** A new token for the partner; the caller must hand it over, it cannot be read again. */
    @Transactional
    String issue(long partnerId) {
        partners.get(partnerId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO partner_access_token (token_hash, partner_id, created_at) VALUES (?, ?, ?)")
                .params(hash(token), partnerId, java.sql.Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    /** The partner a presented token belongs to. */
    public Optional<PartnerPrincipal> authenticate(String token) {
        return jdbc.sql("SELECT partner_id FROM partner_access_token WHERE token_hash = ?")
                .param(hash(token))
                .query(Long.class).optional()
                .map(PartnerPrincipal::new);
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
