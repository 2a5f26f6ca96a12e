package jp.partnerflow.partner;

import jp.partnerflow.platform.ForbiddenException;

/** The partner a request to the partner API ({@code /api/me/**}) acts for. */
public record PartnerPrincipal(long partnerId) {

    /** Refuses (403) a thing that belongs to another partner. */
    public void mustOwn(String what, Object id, long ownerPartnerId) {
        if (ownerPartnerId != partnerId) {
            throw new ForbiddenException(what + " " + id + " belongs to another partner");
        }
    }
}
