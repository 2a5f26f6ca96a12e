package jp.partnerflow.meisai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.meisai.MeisaiSettings.DataKind;
import jp.partnerflow.meisai.MeisaiSettings.IssueMethod;
import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.meisai.MeisaiSettings.ReportMail;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.SecretBox;
import jp.partnerflow.support.FeatureTest;

/**
 * The 楽楽明細 adapter against a wire-level fake: the token header, the multipart parts and their
 * content types, the json parameters of each setting combination, the CSV bytes in Windows-31J,
 * the import state, and how refusals and maintenance answers come back.
 */
class MeisaiApiWireTest extends FeatureTest {
    private static final WireMockServer MEISAI = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "meisai-wire-token";

    static {
        MEISAI.start();
    }

    private static final List<MeisaiFile> ONE_BYTE = List.of(new MeisaiFile("reports.csv", MeisaiCsv.CONTENT_TYPE, new byte[] { 1 }));

    @Autowired
    MeisaiImports imports;
    @Autowired
    MeisaiDocumentFiles documentFiles;
    @Autowired
    SecretBox secrets;

    @BeforeEach
    void accepts() {
        MEISAI.resetAll();
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(accepted("R-100")));
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/customers/imports")).willReturn(accepted("C-200")));
    }

    @Test
    void aScheduledReplacementWithApprovalSkip() throws Exception {
        byte[] csv = MeisaiRecords.files(List.of("帳票No", "顧客コード", "金額"),
                List.of(List.of("PN-202701-00001", "P000001", "299370")), List.of("PN-202701-00001")).get(0);

        String importId = imports.importDocuments(connection(DataKind.DOCUMENT_CSV, true, IssueMethod.SCHEDULED,
                Instant.parse("2027-02-01T01:00:00Z"), 7), MeisaiImportMethod.REPLACE, List.of(new MeisaiFile("reports.csv", MeisaiCsv.CONTENT_TYPE, csv)),
                "支払通知書 2027年1月分");

        assertThat(importId).isEqualTo("R-100");
        LoggedRequest request = only("/acme/api/v1/reports/imports");
        assertThat(request.getHeader("X-WB-apitoken")).isEqualTo(TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, LoggedRequest.Part> parts = parts(request);
        assertThat(parts).containsOnlyKeys("json", "files[0]");
        assertThat(parts.get("json").getHeader("Content-Type").firstValue()).isEqualTo("application/json; charset=UTF-8");
        JsonNode json = JSON.readTree(parts.get("json").getBody().asString());
        assertThat(json).isEqualTo(JSON.readTree("""
                {"reportTypeId":1,"isNewIssues":2,"isImmApproval":1,"pdfIssueType":1,
                 "publicationDate":"2027-02-01 10:00:00","isSendMail":1,"isPostReplaceBill":0,"approvalFlowId":7,
                 "inputUserComment":"支払通知書 2027年1月分"}"""));
        assertThat(parts.get("files[0]").getHeader("Content-Type").firstValue()).isEqualTo("text/csv; charset=Windows-31J");
        assertThat(parts.get("files[0]").getBody().asBytes()).isEqualTo(csv);
        assertThat(new String(csv, "windows-31j")).isEqualTo("\"帳票No\",\"顧客コード\",\"金額\"\r\n\"PN-202701-00001\",\"P000001\",\"299370\"\r\n");
        assertThat(csv[1]).isEqualTo((byte) 0x92); // 帳 in Windows-31J, not UTF-8
    }

    @Test
    void pdfAndCsvGoAsAZipOfPdfsWithTheSearchCsvAndTheDocumentCsv() throws Exception {
        MeisaiDocument document = MeisaiDocumentFilesTest.document("PN-202701-00001", "山田 太郎");
        List<MeisaiFile> files = new java.util.ArrayList<>();
        documentFiles.eachPart(DataKind.DOCUMENT_PDF_CSV, List.of(document), (index, part) -> files.addAll(part.files()));

        imports.importDocuments(connection(DataKind.DOCUMENT_PDF_CSV, false, null, null, null), MeisaiImportMethod.NEW, files,
                "PDF");

        Map<String, LoggedRequest.Part> parts = parts(only("/acme/api/v1/reports/imports"));
        assertThat(parts).containsOnlyKeys("json", "files[0]", "files[1]");
        assertThat(parts.get("files[0]").getHeader("Content-Type").firstValue()).isEqualTo("application/zip");
        assertThat(MeisaiDocumentFilesTest.entries(parts.get("files[0]").getBody().asBytes()))
                .containsOnlyKeys("PN-202701-00001.pdf", "search.csv");
        assertThat(parts.get("files[1]").getHeader("Content-Type").firstValue()).isEqualTo("text/csv; charset=Windows-31J");
        assertThat(new String(parts.get("files[1]").getBody().asBytes(), "windows-31j")).startsWith("\"帳票No\"")
                .contains("\"PN-202701-00001\"");
    }

    @Test
    void aNewIssueGoingThroughTheApprovalFlowAndAnImmediateOne() throws Exception {
        imports.importDocuments(connection(DataKind.DOCUMENT_CSV, false, null, null, null), MeisaiImportMethod.NEW,
                ONE_BYTE, "memo");
        assertThat(JSON.readTree(parts(only("/acme/api/v1/reports/imports")).get("json").getBody().asString()))
                .isEqualTo(JSON.readTree("{\"reportTypeId\":1,\"isNewIssues\":1,\"isImmApproval\":0,\"inputUserComment\":\"memo\"}"));

        MEISAI.resetRequests();
        imports.importDocuments(connection(DataKind.DOCUMENT_CSV, true, IssueMethod.IMMEDIATE, null, null),
                MeisaiImportMethod.NEW, ONE_BYTE, "memo");
        assertThat(JSON.readTree(parts(only("/acme/api/v1/reports/imports")).get("json").getBody().asString()))
                .isEqualTo(JSON.readTree("""
                        {"reportTypeId":1,"isNewIssues":1,"isImmApproval":1,"pdfIssueType":0,"inputUserComment":"memo"}"""));
    }

    @Test
    void customerData() throws Exception {
        MeisaiConnection customers = new MeisaiConnection(null, 1, "取引先", MEISAI.baseUrl() + "/acme/", secrets.seal(TOKEN),
                DataKind.CUSTOMER, ReportMail.OFF, null, 3, true, false, null, null, false, null, null, false, false, false,
                false, null, null, true, List.of(), Instant.now(), Instant.now());

        assertThat(imports.importCustomers(customers, new byte[] { 1 }, "パートナー")).isEqualTo("C-200");

        LoggedRequest request = only("/acme/api/v1/customers/imports");
        assertThat(request.getHeader("X-WB-apitoken")).isEqualTo(TOKEN);
        assertThat(JSON.readTree(parts(request).get("json").getBody().asString())).isEqualTo(JSON.readTree("""
                {"settingId":3,"isUpdateInfo":1,"updateBlank":2,"skipFirst":1,"importProcessName":"パートナー"}"""));
    }

    @Test
    void theImportStateIsPolled() {
        MEISAI.stubFor(get(urlEqualTo("/acme/api/v1/reports/imports/R-100/state"))
                .willReturn(json(200, "{\"processStatus\":\"active\"}")));
        MeisaiConnection connection = connection(DataKind.DOCUMENT_CSV, false, null, null, null);
        assertThat(imports.documentImportState(connection, "R-100").active()).isTrue();

        MEISAI.stubFor(get(urlEqualTo("/acme/api/v1/reports/imports/R-100/state"))
                .willReturn(json(200, "{\"processStatus\":\"complete\"}")));
        assertThat(imports.documentImportState(connection, "R-100").complete()).isTrue();
        assertThat(MEISAI.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/acme/api/v1/reports/imports/R-100/state")))).allMatch(r -> TOKEN.equals(r.getHeader("X-WB-apitoken")));
    }

    @Test
    void refusalsCarryTheirCodesAndMaintenanceIsWorthRetrying() {
        MeisaiConnection connection = connection(DataKind.DOCUMENT_CSV, false, null, null, null);
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(json(400, """
                {"errors":[{"code":"E0101","msg":"帳票Noが重複しています","description":[{"code":"E0101-1","msg":"重複","name":"帳票No","value":"PN-1"}]}]}""")));
        assertThatThrownBy(() -> imports.importDocuments(connection, MeisaiImportMethod.NEW, ONE_BYTE, "m"))
                .isInstanceOf(MeisaiRejectedException.class)
                .hasMessageContaining("E0101").hasMessageContaining("帳票Noが重複しています").hasMessageContaining("帳票No E0101-1");

        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> imports.importDocuments(connection, MeisaiImportMethod.NEW, ONE_BYTE, "m"))
                .isInstanceOf(MeisaiUnavailableException.class);

        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("Status: 503 Maintenance mode\n<html>メンテナンス中</html>")));
        assertThatThrownBy(() -> imports.importDocuments(connection, MeisaiImportMethod.NEW, ONE_BYTE, "m"))
                .isInstanceOf(MeisaiUnavailableException.class).hasMessageContaining("maintenance");
    }

    @Test
    void aCharacterWindows31jCannotHoldIsReportedWithItsRecordAndColumn() {
        assertThatThrownBy(() -> MeisaiRecords.files(List.of("帳票No", "顧客名"),
                List.of(List.of("PN-1", "髙橋"), List.of("PN-2", "𠮷野家")), List.of("PN-1", "PN-2")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("records[PN-2].顧客名").hasMessageContaining("𠮷");
    }

    /** A connection to the fake, its token sealed with the running service's key. */
    private MeisaiConnection connection(DataKind kind, boolean approvalSkip, IssueMethod issue, Instant scheduledAt,
            Integer approvalFlowId) {
        return new MeisaiConnection(null, 1, "支払通知書", MEISAI.baseUrl() + "/acme/", secrets.seal(TOKEN), kind,
                ReportMail.OFF, null, null, false, false, 1, MeisaiImportMethod.NEW, approvalSkip, issue, scheduledAt,
                true, false, false, false, approvalFlowId, null, true, List.of(), Instant.now(), Instant.now());
    }


    private static LoggedRequest only(String path) {
        List<LoggedRequest> requests = MEISAI.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, LoggedRequest.Part> parts(LoggedRequest request) {
        return request.getParts().stream().collect(Collectors.toMap(LoggedRequest.Part::getName, p -> p));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String importId) {
        return json(200, "{\"importId\":\"" + importId + "\",\"status\":\"accepted\",\"code\":\"0\"}");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }
}
