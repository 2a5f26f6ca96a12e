package jp.partnerflow.meisai;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import jp.partnerflow.meisai.MeisaiSettings.DataKind;
import jp.partnerflow.meisai.MeisaiSettings.IssueMethod;
import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.meisai.MeisaiSettings.RecordUpdate;
import jp.partnerflow.meisai.MeisaiSettings.ReportMail;
import jp.partnerflow.meisai.MeisaiSettings.ReportMailTo;

/**
 * 楽楽明細連携設定. The API token is kept sealed ({@code apiTokenEncrypted}) and never serialized.
 *
 * @param url normalized: https, {@code /backadmin} and what follows removed, ending in "/"
 * @param customerSettingId 取込設定ID (customer data); null → 楽楽明細's lowest
 * @param reportTypeId 帳票種別ID (documents): 1 invoice, 2 delivery note, …
 * @param faxOption whether the 楽楽明細 contract has the FAX option (replacement by fax needs it)
 * @param targetPdfField which generated PDF of the record is sent (PDF kinds)
 * @param issueOnApproval whether an approved payment notice goes out through it on its own (customer
 *        data first); off, it sends only when run by hand or by its timer
 */
@Table("meisai_connection")
public record MeisaiConnection(
        @Id Long id,
        long companyId,
        String name,
        String url,
        @JsonIgnore String apiTokenEncrypted,
        DataKind dataKind,
        ReportMail reportMail,
        ReportMailTo reportMailTo,
        Integer customerSettingId,
        boolean overwriteInUse,
        boolean overwriteBlanks,
        Integer reportTypeId,
        MeisaiImportMethod importMethod,
        boolean approvalSkip,
        IssueMethod issueMethod,
        Instant scheduledAt,
        boolean replacementNoticeMail,
        boolean replacementPostal,
        boolean replacementFax,
        boolean faxOption,
        Integer approvalFlowId,
        String targetPdfField,
        boolean issueOnApproval,
        @MappedCollection(idColumn = "meisai_connection_id", keyColumn = "position") List<RecordUpdate> recordUpdates,
        Instant createdAt,
        Instant updatedAt) {

    /** Shown instead of the token: whether one is set. */
    @JsonProperty("apiTokenSet")
    public boolean apiTokenSet() {
        return apiTokenEncrypted != null && !apiTokenEncrypted.isEmpty();
    }
}
