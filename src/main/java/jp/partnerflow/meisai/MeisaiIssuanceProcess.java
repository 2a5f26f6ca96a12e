package jp.partnerflow.meisai;

import java.util.Map;

/** Names shared by {@code bpmn/meisai-issuance.bpmn}, {@code dmn/meisai-issue-policy.dmn} and the Java side. */
public final class MeisaiIssuanceProcess {
    public static final String ID = "meisai-issuance";
    public static final String PAYMENT_NOTICE_ID = "paymentNoticeId";
    public static final String VERSION = "version";
    public static final String DOCUMENT_KIND = "documentKind";
    public static final String ALREADY_ISSUED = "alreadyIssued";
    public static final String POLICY_DECISION = "meisai-issue-policy";
    /** The decision's single result, read as {@link MeisaiIssuePolicy}. */
    public static final String POLICY = "policy";
    public static final String IMPORT_ID = "importId";
    public static final String IMPORT_STATE = "importState";
    /** The customer data's import, when the partner's customer record went first, and its state. */
    public static final String CUSTOMER_IMPORT_ID = "customerImportId";
    public static final String CUSTOMER_IMPORT_STATE = "customerImportState";
    public static final String PAYMENT_NOTICE = "PAYMENT_NOTICE";

    private MeisaiIssuanceProcess() {
    }

    /** What the issuance of one payment-notice version starts with; {@code alreadyIssued} makes it a replacement. */
    static Map<String, Object> start(long paymentNoticeId, int version, boolean alreadyIssued) {
        return Map.of(PAYMENT_NOTICE_ID, paymentNoticeId, VERSION, version, DOCUMENT_KIND, PAYMENT_NOTICE,
                ALREADY_ISSUED, alreadyIssued);
    }
}
