package jp.partnerflow.partner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;

/**
 * A freelance partner (or a partner's company) working for one company.
 *
 * @param registrationNumber 適格請求書発行事業者登録番号 ("T" + 13 digits), if registered
 * @param lineUserId the LINE user linked to this partner, if any
 * @param lineFollowing whether that LINE user follows (has not blocked) the official account
 */
public record Partner(
        @Id Long id,
        long companyId,
        String name,
        String email,
        PartnerKind kind,
        String registrationNumber,
        String lineUserId,
        boolean lineFollowing,
        @Embedded.Nullable BasicInfo basicInfo,
        @Embedded.Nullable(prefix = "bank_") BankAccount bankAccount,
        Instant createdAt) {

    /** Ids only: a log line or an exception message (a failed save names its entity) carries no personal data. */
    @Override
    public String toString() {
        return "Partner[id=" + id + ", companyId=" + companyId + "]";
    }

    Partner withId(Long id) {
        return new Partner(id, companyId, name, email, kind, registrationNumber, lineUserId, lineFollowing, basicInfo,
                bankAccount, createdAt);
    }

    Partner withLine(String lineUser, boolean following) {
        return new Partner(id, companyId, name, email, kind, registrationNumber, lineUser, following, basicInfo,
                bankAccount, createdAt);
    }

    Partner withLineFollowing(boolean following) {
        return new Partner(id, companyId, name, email, kind, registrationNumber, lineUserId, following, basicInfo,
                bankAccount, createdAt);
    }

    Partner withBasicInfo(BasicInfo info) {
        return new Partner(id, companyId, name, email, kind, registrationNumber, lineUserId, lineFollowing, info,
                bankAccount, createdAt);
    }

    Partner withBankAccount(BankAccount account) {
        return new Partner(id, companyId, name, email, kind, registrationNumber, lineUserId, lineFollowing, basicInfo,
                account, createdAt);
    }

    /** What is still missing before the partner can accept an order (基本情報, 口座情報). */
    public boolean readyToAcceptOrders() {
        return basicInfo != null && bankAccount != null;
    }

    public boolean linkedToLine() {
        return lineUserId != null;
    }
}
