package jp.partnerflow.order;

/** How other features name an order to its partner: 「title（number）」. */
public record OrderReference(long id, String number, String title, long partnerId) {
}
