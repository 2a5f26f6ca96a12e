package jp.partnerflow.partner;

import jp.partnerflow.platform.ForbiddenException;

/** The partner a request to the partner pages or the partner API ({@code /api/me/**}) acts for. */
public record PartnerPrincipal(long partnerId) {

    /** Refuses (403) a thing that belongs to another partner. */
    public void mustOwn(String what, Object id, long ownerPartnerId) {
        if (ownerPartnerId != partnerId) {
            throw new NotYours(what + " " + id + " belongs to another partner", ownerPartnerId);
        }
    }

    /**
     * A thing of another partner: 403, unless that partner is the same LINE user at another company,
     * in which case a partner page switches to that company ({@link OwningCompanyPages}).
     */
    static class NotYours extends ForbiddenException {
        private final long ownerPartnerId;

        NotYours(String detail, long ownerPartnerId) {
            super(detail);
            this.ownerPartnerId = ownerPartnerId;
        }

        long ownerPartnerId() {
            return ownerPartnerId;
        }
    }
}
