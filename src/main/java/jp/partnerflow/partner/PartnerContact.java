package jp.partnerflow.partner;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

/**
 * How notices reach a partner: the few fields notification reads for every notice.
 *
 * @param lineUserId the LINE user linked to the partner, if any
 * @param lineFollowing whether that LINE user follows the official account
 */
public record PartnerContact(long id, long companyId, String email, String lineUserId, boolean lineFollowing) {

    public boolean linkedToLine() {
        return lineUserId != null;
    }

    /** Mapped by hand: it is read for every notice. */
    static class Row implements RowMapper<PartnerContact> {
        @Override
        public PartnerContact mapRow(ResultSet rs, int rowNum) throws SQLException {
            return new PartnerContact(rs.getLong("id"), rs.getLong("company_id"), rs.getString("email"),
                    rs.getString("line_user_id"), rs.getBoolean("line_following"));
        }
    }
}
