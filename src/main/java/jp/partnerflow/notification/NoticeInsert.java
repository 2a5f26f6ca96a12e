package jp.partnerflow.notification;

/** Writes a new notice with its actions (a fragment of {@link NoticeRepository}). */
interface NoticeInsert {
    /** @return the notice with its id */
    Notice insert(Notice notice);
}
