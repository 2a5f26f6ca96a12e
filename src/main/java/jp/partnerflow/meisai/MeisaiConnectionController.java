package jp.partnerflow.meisai;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jp.partnerflow.meisai.MeisaiSettings.DataKind;
import jp.partnerflow.meisai.MeisaiSettings.FieldType;
import jp.partnerflow.meisai.MeisaiSettings.IssueMethod;
import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.meisai.MeisaiSettings.RecordField;
import jp.partnerflow.meisai.MeisaiSettings.ReportMail;
import jp.partnerflow.meisai.MeisaiSettings.ReportMailTo;
import jp.partnerflow.partner.Partners;
import jp.partnerflow.payment.PaymentNotices;
import jp.partnerflow.platform.StaffCompanies;

/**
 * 楽楽明細連携設定, and what was issued through them. Configuring needs the groups dbSettings and systemIntegration (platform.StaffApiAccess); the
 * API token is write-only.
 */
@RestController
class MeisaiConnectionController {
    private final MeisaiConnections connections;
    private final MeisaiIssuance issuance;

    private final PaymentNotices notices;
    private final Partners partners;
    private final StaffCompanies staff;

    MeisaiConnectionController(MeisaiConnections connections, MeisaiIssuance issuance, PaymentNotices notices,
            Partners partners, StaffCompanies staff) {
        this.connections = connections;
        this.issuance = issuance;
        this.notices = notices;
        this.partners = partners;
        this.staff = staff;
    }

    record ConnectionForm(
            @NotNull Long companyId,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 300) String url,
            @Size(max = 500) String apiToken,
            @NotNull DataKind dataKind,
            @NotNull ReportMail reportMail,
            ReportMailTo reportMailTo,
            Integer customerSettingId,
            Boolean overwriteInUse,
            Boolean overwriteBlanks,
            Integer reportTypeId,
            MeisaiImportMethod importMethod,
            Boolean approvalSkip,
            IssueMethod issueMethod,
            Instant scheduledAt,
            Boolean replacementNoticeMail,
            Boolean replacementPostal,
            Boolean replacementFax,
            Boolean faxOption,
            Integer approvalFlowId,
            @Size(max = 50) String targetPdfField,
            Boolean issueOnApproval,
            List<@Valid RecordUpdateForm> recordUpdates) {

        /** Hides the token from logs and error messages that print the request. */
        @Override
        public String toString() {
            return "ConnectionForm[companyId=" + companyId + ", name=" + name + ", dataKind=" + dataKind + "]";
        }
    }

    record RecordUpdateForm(@NotNull RecordField field, @NotNull FieldType fieldType, @NotBlank @Size(max = 200) String value) {
    }

    @PostMapping("/api/meisai/connections")
    @ResponseStatus(HttpStatus.CREATED)
    MeisaiConnection create(@Valid @RequestBody ConnectionForm form) {
        staff.checkField(form.companyId(), "companyId", "no such company");
        return connections.create(form);
    }

    @PutMapping("/api/meisai/connections/{id}")
    MeisaiConnection update(@PathVariable long id, @Valid @RequestBody ConnectionForm form) {
        connections.mine(id);
        return connections.update(id, form);
    }

    @GetMapping("/api/meisai/connections/{id}")
    MeisaiConnection get(@PathVariable long id) {
        return connections.mine(id);
    }

    @GetMapping("/api/meisai/connections")
    List<MeisaiConnection> ofCompany(@RequestParam long companyId) {
        staff.check(companyId, "company", companyId);
        return connections.ofCompany(companyId);
    }

    /** Each version of a payment notice sent to 楽楽明細: new or replacement, its import id, how it ended. */
    @GetMapping("/api/meisai/issues")
    List<MeisaiIssue> issuesOf(@RequestParam long paymentNoticeId) {
        staff.check(partners.companyOfPartner(notices.get(paymentNoticeId).partnerId()), "payment notice", paymentNoticeId);
        return issuance.ofPaymentNotice(paymentNoticeId);
    }
}
