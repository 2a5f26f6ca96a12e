package jp.partnerflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Next values of database sequences, on PostgreSQL and on the embedded H2 alike. */
@Repository
public class Sequences {
    private static final DateTimeFormatter NUMBER_MONTH = DateTimeFormatter.ofPattern("yyyyMM").withZone(Tokyo.ZONE);

    private final JdbcClient jdbc;
    private final boolean postgres;

    Sequences(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    /** A document number such as "PO-202701-00042": prefix, the month (Japan) of {@code at}, the sequence's next value. */
    public String documentNumber(String prefix, String sequence, Instant at) {
        return prefix + "-" + NUMBER_MONTH.format(at) + "-" + String.format("%05d", next(sequence));
    }

    public long next(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        String sql = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
        return jdbc.sql(sql).query(Long.class).single();
    }
}
