package jp.partnerflow.meisai;

import jp.partnerflow.payment.PaymentNotice;

/**
 * What 楽楽明細 gets of one payment notice version, as a CSV row, a PDF and a search entry.
 *
 * @param partnerName the counterparty (取引先) of the document
 * @param companyId whose document it is (its 楽楽明細 connections are that company's)
 * @param companyName who issues it
 */
record MeisaiDocument(long paymentNoticeId, String number, long partnerId, String partnerName, long companyId, String companyName,
        String billingMonth, PaymentNotice.Version version) {
}
