package jp.partnerflow.notification;

/** The notices partners get, each with the headline shown on LINE, in mail and in-app. */
public enum NoticeType {
    ORDER_ISSUED("発注書を確認してください", true),
    ORDER_REMINDER("発注書を確認してください", true),
    WORK_REPORT_CREATED("業務報告が作成されました", false),
    INVOICE_REMINDER("請求書を作成してください", true),
    INVOICE_RETURNED("請求書が差し戻されました", true),
    PAYMENT_NOTICE_SENT("支払通知書を確認してください", true),
    PAYMENT_NOTICE_AUTO_APPROVED("支払通知書の承認が完了しました", false);

    private final String title;
    private final boolean asksToAct;

    NoticeType(String title, boolean asksToAct) {
        this.title = title;
        this.asksToAct = asksToAct;
    }

    /** Whether the notice asks the partner to do something (its page is then a to-do until it is done). */
    public boolean asksToAct() {
        return asksToAct;
    }

    public String title() {
        return title;
    }
}
