package jp.partnerflow.meisai;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;

/**
 * What {@code dmn/meisai-issue-policy.dmn} decides for a payment-notice version, read typed from the
 * decision's single result (the {@code policy} variable): the connection to issue through (blank in
 * the table = the company's first) and how 楽楽明細 imports it. A renamed output or an unknown method
 * fails here naming it, not somewhere behind a cast.
 */
record MeisaiIssuePolicy(Optional<String> connectionName, MeisaiImportMethod importMethod) {
    /** The decision table's output names. */
    static final String CONNECTION_NAME = "connectionName";
    static final String IMPORT_METHOD = "importMethod";
    private static final String DECISION = "dmn/meisai-issue-policy.dmn";

    static MeisaiIssuePolicy of(Map<String, Object> decided) {
        if (decided == null || !decided.containsKey(IMPORT_METHOD) || !decided.containsKey(CONNECTION_NAME)) {
            throw new IllegalStateException("the decision " + DECISION + " gave no " + CONNECTION_NAME + " and "
                    + IMPORT_METHOD + ": " + decided);
        }
        String method = String.valueOf(decided.get(IMPORT_METHOD));
        MeisaiImportMethod importMethod = Arrays.stream(MeisaiImportMethod.values()).filter(m -> m.name().equals(method))
                .findFirst().orElseThrow(() -> new IllegalStateException("the decision " + DECISION + " gave "
                        + IMPORT_METHOD + " " + method + ", not one of " + Arrays.toString(MeisaiImportMethod.values())));
        return new MeisaiIssuePolicy(Optional.ofNullable((String) decided.get(CONNECTION_NAME)).filter(n -> !n.isBlank()),
                importMethod);
    }

    /** The connection named by a policy the process may not have reached yet (for an incident's report). */
    @SuppressWarnings("unchecked")
    static Optional<String> connectionNameIn(Object policyVariable) {
        return policyVariable instanceof Map<?, ?> decided ? of((Map<String, Object>) decided).connectionName()
                : Optional.empty();
    }
}
