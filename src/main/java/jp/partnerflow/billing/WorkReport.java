package jp.partnerflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** 業務報告: the work of one billing month. */
@Table("work_report")
public record WorkReport(
        @Id Long id,
        long billingMonthId,
        CreatedBy createdBy,
        Instant createdAt,
        @MappedCollection(idColumn = "work_report_id", keyColumn = "position") List<Entry> entries) {

    public enum CreatedBy {
        PARTNER, STAFF,
        /** Made by the service for a fixed monthly fee after the closing date. */
        SYSTEM
    }

    /**
     * One day's work, or (without date and hours) the fixed monthly fee.
     */
    @Table("work_report_entry")
    public record Entry(LocalDate workDate, BigDecimal hours, String content) {
    }
}
