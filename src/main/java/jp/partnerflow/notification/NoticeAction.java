package jp.partnerflow.notification;

/** A button of a notice: a one-tap answer (postback data) or a link to a page. */
public record NoticeAction(String label, String postbackData, String url) {

    public static NoticeAction answer(String label, String postbackData) {
        return new NoticeAction(label, postbackData, null);
    }

    public static NoticeAction link(String label, String url) {
        return new NoticeAction(label, null, url);
    }
}
