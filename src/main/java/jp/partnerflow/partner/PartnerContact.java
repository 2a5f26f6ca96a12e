package jp.partnerflow.partner;

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
}
