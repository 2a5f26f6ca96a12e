package jp.partnerflow.partner;

import java.util.List;
import java.util.Optional;

/**
 * The partners one LINE user is: one per company they work for on the one official account (a
 * freelancer may work for two client companies). A tap on LINE acts as the partner who owns the
 * order or notice tapped, and only if that partner is one of these.
 */
public record LineUser(String lineUserId, List<Partner> partners) {

    public LineUser {
        partners = List.copyOf(partners);
    }

    /** Whether the LINE user is linked to any partner at all. */
    public boolean registered() {
        return !partners.isEmpty();
    }

    /** This LINE user as the given partner, if they are that partner. */
    public Optional<Partner> as(long partnerId) {
        return partners.stream().filter(p -> p.id() == partnerId).findFirst();
    }
}
