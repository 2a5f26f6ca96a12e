package jp.partnerflow.partner;

/** What a partner agrees to when registering, each ticked on its own. */
public enum Consent {
    TERMS_OF_USE("利用規約に同意する"),
    PRIVACY_POLICY("プライバシーポリシーに同意する"),
    ELECTRONIC_DOCUMENTS("下請取引における電磁的記録の提供について同意する");

    private final String label;

    Consent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
