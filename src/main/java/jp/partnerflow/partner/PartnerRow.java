package jp.partnerflow.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * A partner row mapped by hand, for the read behind every LINE event: Spring Data's reflective
 * mapping of the aggregate took about a third of an event's processing CPU. Follows the columns of
 * {@link Partner}; an embedded part is absent when all its columns are NULL, as Spring Data reads it.
 */
class PartnerRow implements RowMapper<Partner> {

    @Override
    public Partner mapRow(ResultSet rs, int rowNum) throws SQLException {
        BasicInfo basicInfo = new BasicInfo(rs.getString("postal_code"), rs.getString("address"), rs.getString("phone"));
        String accountType = rs.getString("bank_account_type");
        BankAccount bankAccount = new BankAccount(rs.getString("bank_name"), rs.getString("bank_branch"),
                accountType == null ? null : BankAccount.AccountType.valueOf(accountType),
                rs.getString("bank_account_number"), rs.getString("bank_account_holder"));
        return new Partner(rs.getLong("id"), rs.getLong("company_id"), rs.getString("name"), rs.getString("email"),
                PartnerKind.valueOf(rs.getString("kind")), rs.getString("registration_number"),
                rs.getString("line_user_id"), rs.getBoolean("line_following"),
                allNull(basicInfo.postalCode(), basicInfo.address(), basicInfo.phone()) ? null : basicInfo,
                allNull(bankAccount.name(), bankAccount.branch(), bankAccount.accountType(), bankAccount.accountNumber(),
                        bankAccount.accountHolder()) ? null : bankAccount,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static boolean allNull(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }
}
