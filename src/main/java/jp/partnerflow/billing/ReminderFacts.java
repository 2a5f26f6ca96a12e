package jp.partnerflow.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.springframework.jdbc.core.RowMapper;

/** What a reminder to invoice needs of its month: at month end it is read for every open month at once. */
record ReminderFacts(LocalDate closingDate, boolean workReported) {

    static class Row implements RowMapper<ReminderFacts> {
        @Override
        public ReminderFacts mapRow(ResultSet rs, int rowNum) throws SQLException {
            return new ReminderFacts(rs.getObject("closing_date", LocalDate.class), rs.getBoolean("work_reported"));
        }
    }
}
