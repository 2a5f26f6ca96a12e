package jp.partnerflow.meisai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which customer data each partner last had imported, per customer connection (a hash of the row). */
@Repository
class MeisaiCustomers {
    private final JdbcClient jdbc;

    MeisaiCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the row differs from what was imported last (or nothing was). */
    boolean changed(long connectionId, long partnerId, List<String> row) {
        Optional<String> last = jdbc.sql("SELECT data_hash FROM meisai_customer WHERE connection_id = ? AND partner_id = ?")
                .params(connectionId, partnerId).query(String.class).optional();
        return last.map(hash -> !hash.equals(hash(row))).orElse(true);
    }

    void imported(long connectionId, long partnerId, List<String> row, Instant at) {
        int updated = jdbc.sql("UPDATE meisai_customer SET data_hash = ?, imported_at = ? WHERE connection_id = ? AND partner_id = ?")
                .params(hash(row), Timestamp.from(at), connectionId, partnerId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO meisai_customer (connection_id, partner_id, data_hash, imported_at) VALUES (?, ?, ?, ?)")
                    .params(connectionId, partnerId, hash(row), Timestamp.from(at)).update();
        }
    }

    private static String hash(List<String> row) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u001f", row).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
