package jp.partnerflow.order;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

/**
 * An order as notices name it to its partner (「title（number）」) and a partner's LINE tap checks it:
 * whose it is and where it stands. Read as these few columns, for every reminder and every tap.
 */
public record OrderReference(long id, String number, String title, long partnerId, OrderStatus status) {

    /** Mapped by hand: it is read for every reminder of a month end. */
    static class Row implements RowMapper<OrderReference> {
        @Override
        public OrderReference mapRow(ResultSet rs, int rowNum) throws SQLException {
            return new OrderReference(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                    rs.getLong("partner_id"), OrderStatus.valueOf(rs.getString("status")));
        }
    }
}
