package jp.partnerflow.meisai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import jp.partnerflow.meisai.MeisaiSettings.ApprovedIn;
import jp.partnerflow.platform.Tokyo;

/** レコード一覧 (the seed's menu): a named list of approved payment notices a connection is run over. */
@Table("meisai_record_list")
public record MeisaiRecordList(@Id Long id, long companyId, String name, ApprovedIn approvedIn, Instant createdAt) {

    /** The first instant of approval the list holds, for a run at {@code now}. */
    Instant approvedFrom(Instant now) {
        return switch (approvedIn) {
            case ANY_TIME -> Instant.EPOCH;
            case THIS_MONTH -> startOf(YearMonth.from(now.atZone(Tokyo.ZONE)));
            case LAST_MONTH -> startOf(YearMonth.from(now.atZone(Tokyo.ZONE)).minusMonths(1));
        };
    }

    /** The first instant of approval past the list, for a run at {@code now}. */
    Instant approvedBefore(Instant now) {
        return switch (approvedIn) {
            case ANY_TIME -> now.plusSeconds(1);
            case THIS_MONTH -> startOf(YearMonth.from(now.atZone(Tokyo.ZONE)).plusMonths(1));
            case LAST_MONTH -> startOf(YearMonth.from(now.atZone(Tokyo.ZONE)));
        };
    }

    private static Instant startOf(YearMonth month) {
        LocalDate first = month.atDay(1);
        return first.atStartOfDay(Tokyo.ZONE).toInstant();
    }
}
