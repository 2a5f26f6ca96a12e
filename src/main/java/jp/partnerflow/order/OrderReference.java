package jp.partnerflow.order;

/**
 * An order as notices name it to its partner (「title（number）」) and a partner's LINE tap checks it:
 * whose it is and where it stands. Read as these few columns, for every reminder and every tap.
 */
public record OrderReference(long id, String number, String title, long partnerId, OrderStatus status) {
}
