package jp.partnerflow.line;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The months in which LINE's monthly message limit was reached, and when it was lifted (a row per month). */
@Repository
class LineMonthlyLimits {
    private final JdbcClient jdbc;

    LineMonthlyLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the month's limit as reached: for the first time, or again after a lift this month (a
     * plan lowered). False when it stands recorded already; a node racing to insert the same month
     * gets a DuplicateKeyException.
     */
    boolean reached(YearMonth month, Instant at) {
        Timestamp now = Timestamp.from(at);
        int recorded = jdbc.sql("""
                UPDATE line_monthly_limit SET reached_at = ?, lifted_at = NULL
                WHERE limit_month = ? AND lifted_at IS NOT NULL""").params(now, month.toString()).update();
        if (recorded == 0 && jdbc.sql("SELECT count(*) FROM line_monthly_limit WHERE limit_month = ?")
                .param(month.toString()).query(Long.class).single() == 0) {
            recorded = jdbc.sql("INSERT INTO line_monthly_limit (limit_month, reached_at) VALUES (?, ?)")
                    .params(month.toString(), now).update();
        }
        return recorded == 1;
    }

    Optional<Instant> reachedAt(YearMonth month) {
        return jdbc.sql("SELECT reached_at FROM line_monthly_limit WHERE limit_month = ?").param(month.toString())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Whether the month's limit is reached and not lifted. */
    boolean holds(YearMonth month) {
        return jdbc.sql("SELECT count(*) FROM line_monthly_limit WHERE limit_month = ? AND lifted_at IS NULL")
                .param(month.toString()).query(Long.class).single() > 0;
    }

    List<YearMonth> heldBefore(YearMonth month) {
        return jdbc.sql("SELECT limit_month FROM line_monthly_limit WHERE limit_month < ? AND lifted_at IS NULL")
                .param(month.toString()).query(String.class).list().stream().map(YearMonth::parse).toList();
    }

    /** Lifts the month's limit; false when it was not held (another node lifted it). */
    boolean lift(YearMonth month, Instant at) {
        return jdbc.sql("UPDATE line_monthly_limit SET lifted_at = ? WHERE limit_month = ? AND lifted_at IS NULL")
                .params(Timestamp.from(at), month.toString()).update() == 1;
    }
}
