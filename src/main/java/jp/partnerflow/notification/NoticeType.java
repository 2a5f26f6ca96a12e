package jp.partnerflow.notification;

/** The notices partners get, each with the headline shown on LINE, in mail and in-app. */
public enum NoticeType {
    ORDER_ISSUED("発注書を確認してください"),
    ORDER_REMINDER("発注書を確認してください"),
    WORK_REPORT_CREATED("業務報告が作成されました"),
    INVOICE_REMINDER("請求書を作成してください"),
    INVOICE_RETURNED("請求書が差し戻されました"),
    PAYMENT_NOTICE_SENT("支払通知書を確認してください"),
    PAYMENT_NOTICE_AUTO_APPROVED("支払通知書の承認が完了しました");

    private final String title;

    NoticeType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
