package jp.partnerflow.payment;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

/**
 * A payment notice as a partner's LINE tap checks it: whose it is and where it stands. Read as these
 * few columns, not the notice with its versions and events, for every tap.
 */
record PaymentNoticeReference(long id, String number, long partnerId, PaymentNotice.Status status) {

    static class Row implements RowMapper<PaymentNoticeReference> {
        @Override
        public PaymentNoticeReference mapRow(ResultSet rs, int rowNum) throws SQLException {
            return new PaymentNoticeReference(rs.getLong("id"), rs.getString("number"), rs.getLong("partner_id"),
                    PaymentNotice.Status.valueOf(rs.getString("status")));
        }
    }
}
