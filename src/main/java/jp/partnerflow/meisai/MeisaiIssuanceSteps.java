package jp.partnerflow.meisai;

import java.util.Map;

/** The steps of {@code bpmn/meisai-issuance.bpmn}, bean {@code meisaiIssuance}. */
public interface MeisaiIssuanceSteps {

    /**
     * Sends the partner's customer data first when it is new or changed and the company has a
     * customer connection; returns the import id, or null when nothing had to be sent.
     */
    String importCustomer(long paymentNoticeId);

    /** The customer import's state, like {@link #importState}. */
    String customerImportState(long paymentNoticeId, String customerImportId);

    /** The partner's customer data is in 楽楽明細 as it is now. */
    void customerCompleted(long paymentNoticeId);

    /** Sends the version as document data, as the decided policy says; returns the import id. */
    String importDocument(long paymentNoticeId, int version, Map<String, Object> policy);

    /** {@code active} or {@code complete}; any other state fails the step. */
    String importState(long paymentNoticeId, int version);

    /** The import is complete: the payment notice's fields are set as the connection says. */
    void completed(long paymentNoticeId, int version);

    /** レポートメール on completion, when the connection asks for it. */
    void reportCompleted(long paymentNoticeId, int version);

    String getRetryCycle();
}
