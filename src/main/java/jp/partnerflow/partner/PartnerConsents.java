package jp.partnerflow.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consents each partner gave, with the time they first gave each. */
@Repository
class PartnerConsents {
    private final JdbcClient jdbc;

    PartnerConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long partnerId, Consent consent, Instant at) {
        jdbc.sql("""
                INSERT INTO partner_consent (partner_id, kind, agreed_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partner_consent WHERE partner_id = ? AND kind = ?)""")
                .params(partnerId, consent.name(), Timestamp.from(at), partnerId, consent.name()).update();
    }

    Map<Consent, Instant> of(long partnerId) {
        Map<Consent, Instant> given = new EnumMap<>(Consent.class);
        jdbc.sql("SELECT kind, agreed_at FROM partner_consent WHERE partner_id = ?").param(partnerId)
                .query((rs, row) -> given.put(Consent.valueOf(rs.getString("kind")), rs.getTimestamp("agreed_at").toInstant()))
                .list();
        return given;
    }
}
