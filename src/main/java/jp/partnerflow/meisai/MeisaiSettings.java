package jp.partnerflow.meisai;

import java.util.List;

import org.springframework.data.relational.core.mapping.Table;

/** The choices of a 楽楽明細 connection (楽楽明細連携設定), in the seed's words. */
public final class MeisaiSettings {
    private MeisaiSettings() {
    }

    /** 連携データ. */
    public enum DataKind {
        CUSTOMER, DOCUMENT_CSV, DOCUMENT_PDF, DOCUMENT_PDF_CSV;

        public boolean document() {
            return this != CUSTOMER;
        }

        public boolean pdf() {
            return this == DOCUMENT_PDF || this == DOCUMENT_PDF_CSV;
        }
    }

    /** レポートメール: when a run's report is mailed. */
    public enum ReportMail {
        OFF, ON_COMPLETION_OR_ERROR, ON_ERROR
    }

    /** The report mail goes to the executor (実行者) or the admin (管理者). */
    public enum ReportMailTo {
        EXECUTOR, ADMIN
    }

    /** 取込方法: 新規発行 or 差替発行 (keyed by 帳票No). */
    public enum MeisaiImportMethod {
        NEW, REPLACE
    }

    /** 発行方法 with approval skip: at once, or at a set time (予約発行). */
    public enum IssueMethod {
        IMMEDIATE, SCHEDULED
    }

    /** The types of source-record fields a connection may set after a run (レコード更新). */
    public enum FieldType {
        TEXT, SINGLE_CHOICE, DATE_TIME, NUMBER
    }

    /**
     * The payment notice's fields a run can update, with their types; only text, single choice and
     * date-time fields may be set.
     */
    public enum RecordField {
        MEISAI_STATUS("連携ステータス", FieldType.SINGLE_CHOICE, List.of("未連携", "連携済", "連携エラー")),
        MEISAI_ISSUED_AT("連携日時", FieldType.DATE_TIME, List.of()),
        MEISAI_MEMO("連携メモ", FieldType.TEXT, List.of()),
        AMOUNT_PAID("お支払額", FieldType.NUMBER, List.of());

        private final String label;
        private final FieldType type;
        private final List<String> choices;

        RecordField(String label, FieldType type, List<String> choices) {
            this.label = label;
            this.type = type;
            this.choices = choices;
        }

        public String label() {
            return label;
        }

        public FieldType type() {
            return type;
        }

        public List<String> choices() {
            return choices;
        }
    }

    /** Which approved payment notices a record list holds, by the month (in Japan) they were approved in. */
    public enum ApprovedIn {
        ANY_TIME, THIS_MONTH, LAST_MONTH
    }

    /** タイマー起動スケジュール: 一回のみ, 毎日, 毎週, 毎月. */
    public enum Schedule {
        ONCE, DAILY, WEEKLY, MONTHLY
    }

    /** How a run was started: by hand (the executor is the logged-in user) or by its connection's timer. */
    public enum RunTrigger {
        MANUAL, TIMER
    }

    /** What runs write to the source record: 連携日時 = {@code now} or an ISO date-time. */
    @Table("meisai_record_update")
    public record RecordUpdate(RecordField field, FieldType fieldType, String value) {
    }
}
