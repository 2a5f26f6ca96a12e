package jp.partnerflow.company;

import jp.partnerflow.partner.Partners;

/**
 * A deliberate breach for {@code ModuleBoundariesTest}: company (below partner) using partner, which
 * both reaches up and closes a cycle (partner already uses company). Never a bean; the boundary rules
 * must fail on it.
 */
class CompanyReachingUpBreach {
    Partners partners;
}
