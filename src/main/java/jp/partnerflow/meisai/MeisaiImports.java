package jp.partnerflow.meisai;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import feign.RetryableException;
import feign.codec.DecodeException;
import jp.partnerflow.meisai.MeisaiSettings.IssueMethod;
import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.platform.Tokyo;

/**
 * The adapter to 楽楽明細: turns a connection's settings into the API's json parameters and sends
 * the data files. The one place that knows the parameter names and values of the contract; the
 * import-method values, which public sources disagree on, are settings.
 */
@Service
public class MeisaiImports {
    private static final DateTimeFormatter PUBLICATION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Tokyo.ZONE);

    private final MeisaiApi api;
    private final MeisaiConnections connections;
    private final ObjectMapper json = new ObjectMapper();
    private final int newIssueValue;
    private final int replacementValue;

    MeisaiImports(MeisaiApi api, MeisaiConnections connections,
            @Value("${partnerflow.meisai.new-issue-value:1}") int newIssueValue,
            @Value("${partnerflow.meisai.replacement-value:2}") int replacementValue) {
        this.api = api;
        this.connections = connections;
        this.newIssueValue = newIssueValue;
        this.replacementValue = replacementValue;
    }

    /** Customer data (顧客データ) as CSV; returns the import id. */
    public String importCustomers(MeisaiConnection connection, byte[] csv, String memo) {
        MeisaiMultipart body = new MeisaiMultipart().json(customerParameters(connection, memo).toString())
                .file("customers.csv", MeisaiCsv.CONTENT_TYPE, csv);
        return call(() -> api.importCustomers(account(connection), connections.apiToken(connection), body.contentType(),
                body.bytes())).importId();
    }

    /**
     * Document data (帳票データ: CSV, or a ZIP of PDFs with the search CSV, and the CSV) issued new or
     * as a replacement keyed by 帳票No; returns the import id.
     */
    String importDocuments(MeisaiConnection connection, MeisaiImportMethod method, List<MeisaiFile> files, String memo) {
        MeisaiMultipart body = new MeisaiMultipart().json(documentParameters(connection, method, memo).toString());
        files.forEach(f -> body.file(f.name(), f.contentType(), f.bytes()));
        return call(() -> api.importReports(account(connection), connections.apiToken(connection), body.contentType(),
                body.bytes())).importId();
    }

    public MeisaiApi.ImportState documentImportState(MeisaiConnection connection, String importId) {
        return call(() -> api.reportImportState(account(connection), connections.apiToken(connection), importId));
    }

    public MeisaiApi.ImportState customerImportState(MeisaiConnection connection, String importId) {
        return call(() -> api.customerImportState(account(connection), connections.apiToken(connection), importId));
    }

    ObjectNode customerParameters(MeisaiConnection connection, String memo) {
        ObjectNode parameters = json.createObjectNode();
        if (connection.customerSettingId() != null) {
            parameters.put("settingId", connection.customerSettingId());
        }
        parameters.put("isUpdateInfo", connection.overwriteInUse() ? 1 : 0);
        parameters.put("updateBlank", connection.overwriteBlanks() ? 1 : 2);
        parameters.put("skipFirst", 1);
        parameters.put("importProcessName", memo);
        return parameters;
    }

    ObjectNode documentParameters(MeisaiConnection connection, MeisaiImportMethod method, String memo) {
        ObjectNode parameters = json.createObjectNode();
        parameters.put("reportTypeId", connection.reportTypeId());
        parameters.put("isNewIssues", method == MeisaiImportMethod.REPLACE ? replacementValue : newIssueValue);
        parameters.put("isImmApproval", connection.approvalSkip() ? 1 : 0);
        if (connection.approvalSkip()) {
            parameters.put("pdfIssueType", connection.issueMethod() == IssueMethod.SCHEDULED ? 1 : 0);
            if (connection.issueMethod() == IssueMethod.SCHEDULED) {
                parameters.put("publicationDate", PUBLICATION.format(connection.scheduledAt()));
            }
        }
        if (method == MeisaiImportMethod.REPLACE) {
            parameters.put("isSendMail", connection.replacementNoticeMail() ? 1 : 0);
            parameters.put("isPostReplaceBill", connection.replacementPostal() ? 1 : 0);
            // replacementFax is kept as a setting: its parameter name is not publicly known yet
        }
        if (connection.approvalFlowId() != null) {
            parameters.put("approvalFlowId", connection.approvalFlowId());
        }
        parameters.put("inputUserComment", memo);
        return parameters;
    }

    /** Feign wraps what the decoder throws, and reports timeouts as its own: one vocabulary for the callers. */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (DecodeException e) {
            if (e.getCause() instanceof MeisaiUnavailableException unavailable) {
                throw unavailable;
            }
            throw e;
        } catch (RetryableException e) {
            throw new MeisaiUnavailableException("楽楽明細 did not answer: " + e.getMessage());
        }
    }

    private static URI account(MeisaiConnection connection) {
        String url = connection.url();
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }
}
