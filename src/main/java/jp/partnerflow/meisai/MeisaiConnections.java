package jp.partnerflow.meisai;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.company.Companies;
import jp.partnerflow.meisai.MeisaiSettings.FieldType;
import jp.partnerflow.meisai.MeisaiSettings.IssueMethod;
import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.meisai.MeisaiSettings.RecordUpdate;
import jp.partnerflow.meisai.MeisaiSettings.ReportMail;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;
import jp.partnerflow.platform.SecretBox;
import jp.partnerflow.platform.StaffCompanies;

/**
 * The 楽楽明細 connection settings of a company: every combination the seed rules out is refused
 * naming the field, and the API token is sealed before it is stored.
 */
@Service
public class MeisaiConnections {
    static final int MAX_RECORD_UPDATES = 3;

    private final MeisaiConnectionRepository connections;
    private final Companies companies;
    private final SecretBox secrets;
    private final Clock clock;
    private final StaffCompanies staff;

    MeisaiConnections(MeisaiConnectionRepository connections, Companies companies, SecretBox secrets, Clock clock,
            StaffCompanies staff) {
        this.staff = staff;
        this.connections = connections;
        this.companies = companies;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Transactional
    MeisaiConnection create(MeisaiConnectionController.ConnectionForm form) {
        if (!companies.exists(form.companyId())) {
            throw new InvalidFieldException("companyId", "no such company");
        }
        if (form.apiToken() == null || form.apiToken().isBlank()) {
            throw new InvalidFieldException("apiToken", "must not be blank");
        }
        Instant now = clock.instant();
        return connections.save(settings(null, form, secrets.seal(form.apiToken().strip()), now, now));
    }

    /**
     * Changes the settings; a blank token keeps the stored one (it is never shown, so never sent back) —
     * but not for a new URL: a stored token is only ever sent to the host it was given for.
     */
    @Transactional
    MeisaiConnection update(long id, MeisaiConnectionController.ConnectionForm form) {
        MeisaiConnection current = get(id);
        if (form.companyId() != current.companyId()) {
            throw new InvalidFieldException("companyId", "a connection stays with its company");
        }
        boolean keepToken = form.apiToken() == null || form.apiToken().isBlank();
        if (keepToken && !normalizedUrl(form.url()).equals(current.url())) {
            throw new InvalidFieldException("apiToken", "give the API token again when the URL changes");
        }
        String token = keepToken ? current.apiTokenEncrypted() : secrets.seal(form.apiToken().strip());
        return connections.save(settings(id, form, token, current.createdAt(), clock.instant()));
    }

    /** A connection of the calling staff user's company; another company's is not found. */
    MeisaiConnection mine(long id) {
        MeisaiConnection connection = get(id);
        staff.check(connection.companyId(), "楽楽明細 connection", id);
        return connection;
    }

    public MeisaiConnection get(long id) {
        return connections.findById(id).orElseThrow(() -> new NotFoundException("楽楽明細 connection", id));
    }

    public List<MeisaiConnection> ofCompany(long companyId) {
        return connections.findByCompanyIdOrderById(companyId);
    }

    /** The API token, for the adapter that calls 楽楽明細 (never for a response or a log line). */
    String apiToken(MeisaiConnection connection) {
        return secrets.open(connection.apiTokenEncrypted());
    }

    private MeisaiConnection settings(Long id, MeisaiConnectionController.ConnectionForm form, String sealedToken,
            Instant createdAt, Instant updatedAt) {
        checkReportMail(form);
        List<RecordUpdate> updates = recordUpdates(form.recordUpdates());
        if (form.dataKind().document()) {
            checkDocument(form);
        } else {
            checkCustomer(form);
        }
        return new MeisaiConnection(id, form.companyId(), form.name().strip(), normalizedUrl(form.url()), sealedToken,
                form.dataKind(), form.reportMail(), form.reportMailTo(), form.customerSettingId(),
                yes(form.overwriteInUse()), yes(form.overwriteBlanks()), form.reportTypeId(), form.importMethod(),
                yes(form.approvalSkip()), form.issueMethod(), form.scheduledAt(), yes(form.replacementNoticeMail()),
                yes(form.replacementPostal()), yes(form.replacementFax()), yes(form.faxOption()), form.approvalFlowId(),
                form.targetPdfField(), form.issueOnApproval() == null || form.issueOnApproval(), updates, createdAt,
                updatedAt);
    }

    /** The admin top page URL with {@code /backadmin} and what follows removed; https only. */
    static String normalizedUrl(String url) {
        String trimmed = url.strip();
        int admin = trimmed.indexOf("/backadmin");
        if (admin >= 0) {
            trimmed = trimmed.substring(0, admin);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("url", "is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidFieldException("url", "must be an https URL of 楽楽明細, like https://rb000.eco-serv.jp/account/");
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    private static void checkReportMail(MeisaiConnectionController.ConnectionForm form) {
        boolean mailed = form.reportMail() != ReportMail.OFF;
        if (mailed && form.reportMailTo() == null) {
            throw new InvalidFieldException("reportMailTo", "must say who gets the report mail (EXECUTOR or ADMIN)");
        }
        if (!mailed && form.reportMailTo() != null) {
            throw new InvalidFieldException("reportMailTo", "is only for a report mail that is not OFF");
        }
    }

    private static void checkCustomer(MeisaiConnectionController.ConnectionForm form) {
        refuseIf(form.reportTypeId() != null, "reportTypeId", "is for document data, not customer data");
        refuseIf(form.importMethod() != null, "importMethod", "is for document data, not customer data");
        refuseIf(yes(form.approvalSkip()), "approvalSkip", "is for document data, not customer data");
        refuseIf(form.approvalFlowId() != null, "approvalFlowId", "is for document data, not customer data");
        refuseIf(form.targetPdfField() != null, "targetPdfField", "is for PDF document data");
        checkIssue(form);
        checkReplacement(form, false);
        if (form.customerSettingId() != null && form.customerSettingId() < 1) {
            throw new InvalidFieldException("customerSettingId", "must be 1 or more (blank: 楽楽明細's lowest)");
        }
    }

    private static void checkDocument(MeisaiConnectionController.ConnectionForm form) {
        refuseIf(form.customerSettingId() != null, "customerSettingId", "is for customer data");
        refuseIf(yes(form.overwriteInUse()), "overwriteInUse", "is for customer data");
        refuseIf(yes(form.overwriteBlanks()), "overwriteBlanks", "is for customer data");
        if (form.reportTypeId() == null || form.reportTypeId() < 1) {
            throw new InvalidFieldException("reportTypeId", "must be the 帳票種別ID (1 invoice, 2 delivery note, …)");
        }
        if (form.importMethod() == null) {
            throw new InvalidFieldException("importMethod", "must be NEW or REPLACE");
        }
        checkIssue(form);
        checkReplacement(form, form.importMethod() == MeisaiImportMethod.REPLACE);
        if (form.approvalFlowId() != null && form.approvalFlowId() < 1) {
            throw new InvalidFieldException("approvalFlowId", "must be 1 or more");
        }
        if (form.dataKind().pdf() && (form.targetPdfField() == null || !MeisaiPdf.FIELDS.contains(form.targetPdfField()))) {
            throw new InvalidFieldException("targetPdfField", "must name a PDF the service generates: "
                    + String.join(", ", MeisaiPdf.FIELDS));
        }
        refuseIf(!form.dataKind().pdf() && form.targetPdfField() != null, "targetPdfField", "is for PDF document data");
    }

    private static void checkIssue(MeisaiConnectionController.ConnectionForm form) {
        if (!yes(form.approvalSkip())) {
            refuseIf(form.issueMethod() != null, "issueMethod", "is only chosen with approvalSkip");
        } else if (form.issueMethod() == null) {
            throw new InvalidFieldException("issueMethod", "must be IMMEDIATE or SCHEDULED with approvalSkip");
        }
        if (form.issueMethod() == IssueMethod.SCHEDULED && form.scheduledAt() == null) {
            throw new InvalidFieldException("scheduledAt", "must be set for a scheduled issue");
        }
        refuseIf(form.issueMethod() != IssueMethod.SCHEDULED && form.scheduledAt() != null, "scheduledAt",
                "is only for a scheduled issue");
    }

    private static void checkReplacement(MeisaiConnectionController.ConnectionForm form, boolean replacing) {
        if (!replacing) {
            refuseIf(yes(form.replacementNoticeMail()), "replacementNoticeMail", "is only for importMethod REPLACE");
            refuseIf(yes(form.replacementPostal()), "replacementPostal", "is only for importMethod REPLACE");
            refuseIf(yes(form.replacementFax()), "replacementFax", "is only for importMethod REPLACE");
        }
        refuseIf(yes(form.replacementFax()) && !yes(form.faxOption()), "replacementFax",
                "needs 楽楽明細's FAX option (faxOption)");
    }

    private static List<RecordUpdate> recordUpdates(List<MeisaiConnectionController.RecordUpdateForm> forms) {
        if (forms == null) {
            return List.of();
        }
        if (forms.size() > MAX_RECORD_UPDATES) {
            throw new InvalidFieldException("recordUpdates", "at most " + MAX_RECORD_UPDATES + " fields can be updated");
        }
        Set<MeisaiSettings.RecordField> seen = new HashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            MeisaiConnectionController.RecordUpdateForm update = forms.get(i);
            String at = "recordUpdates[" + i + "]";
            FieldType type = update.field().type();
            if (type == FieldType.NUMBER) {
                throw new InvalidFieldException(at + ".field", update.field().label()
                        + " is a number field; only text, single-choice and date-time fields can be updated");
            }
            if (update.fieldType() != type) {
                throw new InvalidFieldException(at + ".fieldType", update.field().label() + " is a " + type + " field");
            }
            if (!seen.add(update.field())) {
                throw new InvalidFieldException(at + ".field", update.field().label() + " is updated twice");
            }
            checkValue(update, at + ".value");
        }
        return forms.stream().map(f -> new RecordUpdate(f.field(), f.fieldType(), f.value().strip())).toList();
    }

    private static void checkValue(MeisaiConnectionController.RecordUpdateForm update, String at) {
        String value = update.value().strip();
        switch (update.field().type()) {
            case SINGLE_CHOICE -> refuseIf(!update.field().choices().contains(value), at,
                    "must be one of " + String.join(", ", update.field().choices()));
            case DATE_TIME -> {
                if (!value.equals("now")) {
                    try {
                        Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new InvalidFieldException(at, "must be now or a date-time like 2027-01-31T10:00:00Z");
                    }
                }
            }
            default -> refuseIf(value.length() > 200, at, "must be at most 200 characters");
        }
    }

    private static void refuseIf(boolean refused, String field, String reason) {
        if (refused) {
            throw new InvalidFieldException(field, reason);
        }
    }

    private static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
