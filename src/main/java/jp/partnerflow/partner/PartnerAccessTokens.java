package jp.partnerflow.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
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

    private final PartnerAccessTokenRepository tokens;
    private final Partners partners;
    private final Clock clock;
    private final Duration ttl;

    PartnerAccessTokens(PartnerAccessTokenRepository tokens, Partners partners, Clock clock,
            @Value("${partnerflow.partner.token-ttl}") Duration ttl) {
        this.tokens = tokens;
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
        return new Issued(tokens.insert(hash(token), partnerId, issuedBy, now, expires), token, expires);
    }

    List<TokenInfo> of(long partnerId) {
        partners.get(partnerId);
        return tokens.ofPartner(partnerId);
    }

    /** From now on the token signs no one in; revoking it again changes nothing. */
    @Transactional
    void revoke(long partnerId, long tokenId) {
        if (!tokens.revoke(partnerId, tokenId, clock.instant())) {
            throw new NotFoundException("access token", tokenId);
        }
    }

    /** The partner a presented token belongs to, while it is valid. */
    public Optional<PartnerPrincipal> authenticate(String token) {
        return tokens.partnerOfValid(hash(token), clock.instant())
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
