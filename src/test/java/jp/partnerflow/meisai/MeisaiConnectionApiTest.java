package jp.partnerflow.meisai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * 楽楽明細連携設定 through the REST API: every combination the seed rules out is refused naming the
 * field, only staff with both permissions configure, and the API token never comes back — not in a
 * response, not in the database in the clear, not in a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class MeisaiConnectionApiTest extends FeatureTest {
    private static final String PATH = "/api/meisai/connections";

    @Test
    void aDocumentConnectionIsStoredWithItsUrlNormalizedAndItsTokenSealed(CapturedOutput output) {
        String token = "meisai-token-" + UUID.randomUUID();
        long company = api.company(true);

        Api.Response created = api.post(PATH, document(company, token, json -> json));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode connection = created.json();
        assertThat(connection.get("url").asText()).isEqualTo("https://rb101.eco-serv.jp/acme/");
        assertThat(connection.get("apiTokenSet").asBoolean()).isTrue();
        assertThat(connection.get("recordUpdates").findValuesAsText("field"))
                .containsExactly("MEISAI_STATUS", "MEISAI_ISSUED_AT", "MEISAI_MEMO");
        assertThat(created.text()).doesNotContain(token);
        String stored = jdbc.sql("SELECT api_token_encrypted FROM meisai_connection WHERE id = ?").param(created.id())
                .query(String.class).single();
        assertThat(stored).doesNotContain(token).isNotBlank();

        // a blank token keeps the stored one; a new one replaces it
        Api.Response kept = api.put(PATH + "/" + created.id(), document(company, "", json -> json.replace(
                "\"name\":\"支払通知書（差替）\"", "\"name\":\"支払通知書（差替・改）\"")));
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().get("name").asText()).isEqualTo("支払通知書（差替・改）");
        assertThat(sealedToken(created.id())).isEqualTo(stored);
        assertThat(api.put(PATH + "/" + created.id(), document(company, "new-" + token, json -> json)).status())
                .isEqualTo(200);
        assertThat(sealedToken(created.id())).isNotEqualTo(stored).doesNotContain(token);

        // a new URL needs the token again: a stored token never goes to another host
        String moved = sealedToken(created.id());
        UnaryOperator<String> elsewhere = json -> json.replace("https://rb101.eco-serv.jp/acme/backadmin/top?x=1",
                "https://attacker.example.com/acme/");
        assertInvalid(api.put(PATH + "/" + created.id(), document(company, "", elsewhere)), "apiToken");
        assertThat(api.get(PATH + "/" + created.id()).json().get("url").asText()).isEqualTo("https://rb101.eco-serv.jp/acme/");
        assertThat(sealedToken(created.id())).isEqualTo(moved);
        UnaryOperator<String> otherAccount = json -> json.replace("https://rb101.eco-serv.jp/acme/backadmin/top?x=1",
                "https://rb102.eco-serv.jp/acme2/");
        assertInvalid(api.put(PATH + "/" + created.id(), document(company, "", otherAccount)), "apiToken");
        Api.Response withToken = api.put(PATH + "/" + created.id(), document(company, "rb102-" + token, otherAccount));
        assertThat(withToken.status()).as(withToken.text()).isEqualTo(200);
        assertThat(withToken.json().get("url").asText()).isEqualTo("https://rb102.eco-serv.jp/acme2/");

        assertThat(api.get(PATH + "/" + created.id()).text()).doesNotContain(token);
        assertThat(api.get(PATH + "?companyId=" + company).text()).doesNotContain(token);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void aCustomerConnection() {
        Api.Response created = api.post(PATH, customer(api.company(true), json -> json));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("customerSettingId").asInt()).isEqualTo(3);
        assertThat(created.json().get("overwriteBlanks").asBoolean()).isTrue();
    }

    @Test
    void everyCombinationTheSeedRulesOutIsRefused() {
        long company = api.company(true);
        long before = count("meisai_connection");
        // URL and token
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("https://rb101", "http://rb101"))), "url");
        assertInvalid(api.post(PATH, document(company, "", j -> j)), "apiToken");
        // report mail
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace(",\"reportMailTo\":\"EXECUTOR\"", ""))),
                "reportMailTo");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"ON_ERROR\"", "\"OFF\""))), "reportMailTo");
        // issue method only with approval skip; scheduled needs a time
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"approvalSkip\":true", "\"approvalSkip\":false"))),
                "issueMethod");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace(",\"issueMethod\":\"SCHEDULED\"", ""))),
                "issueMethod");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace(",\"scheduledAt\":\"2027-02-01T01:00:00Z\"", ""))),
                "scheduledAt");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"SCHEDULED\"", "\"IMMEDIATE\""))),
                "scheduledAt");
        // replacement options without replacement; fax without the FAX option
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"REPLACE\"", "\"NEW\""))),
                "replacementNoticeMail");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"faxOption\":true", "\"faxOption\":false"))),
                "replacementFax");
        // the document type, the PDF to send
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"reportTypeId\":1", "\"reportTypeId\":0"))),
                "reportTypeId");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"DOCUMENT_CSV\"", "\"DOCUMENT_PDF\""))),
                "targetPdfField");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"DOCUMENT_CSV\"", "\"DOCUMENT_PDF\"")
                .replace("\"approvalFlowId\":2", "\"approvalFlowId\":2,\"targetPdfField\":\"請求書PDF\""))), "targetPdfField");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"approvalFlowId\":2",
                "\"approvalFlowId\":2,\"targetPdfField\":\"支払通知書PDF\""))), "targetPdfField");
        // customer settings on documents and document settings on customers
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"approvalFlowId\":2",
                "\"approvalFlowId\":2,\"customerSettingId\":1"))), "customerSettingId");
        assertInvalid(api.post(PATH, customer(company, j -> j.replace("\"customerSettingId\":3",
                "\"customerSettingId\":3,\"importMethod\":\"REPLACE\""))), "importMethod");
        assertInvalid(api.post(PATH, customer(company, j -> j.replace("\"customerSettingId\":3", "\"customerSettingId\":0"))),
                "customerSettingId");
        // record updates: at most 3, of the right type, with a valid value
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("]}", """
                ,{"field":"MEISAI_MEMO","fieldType":"TEXT","value":"x"}]}"""))), "recordUpdates");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace(
                "\"field\":\"MEISAI_MEMO\",\"fieldType\":\"TEXT\"", "\"field\":\"MEISAI_MEMO\",\"fieldType\":\"DATE_TIME\""))),
                "recordUpdates[2].fieldType");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace(
                "\"field\":\"MEISAI_MEMO\",\"fieldType\":\"TEXT\"", "\"field\":\"AMOUNT_PAID\",\"fieldType\":\"NUMBER\""))),
                "recordUpdates[2].field");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"連携済\"", "\"済み\""))), "recordUpdates[0].value");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"now\"", "\"昨日\""))), "recordUpdates[1].value");
        assertInvalid(api.post(PATH, document(company, "t", j -> j.replace("\"DOCUMENT_CSV\"", "\"DOCUMENT_XML\""))),
                "dataKind");

        assertThat(count("meisai_connection")).isEqualTo(before);
    }

    @Test
    void onlyStaffWithBothPermissionsConfigure() {
        long company = api.company(true);
        Api neither = staffOf(company);
        Api dbOnly = staffOf(company, "dbSettings");
        Api both = staffOf(company, "dbSettings", "systemIntegration");

        Api.Response refused = neither.post(PATH, document(company, "t", j -> j));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("dbSettings", "systemIntegration");
        assertThat(dbOnly.post(PATH, document(company, "t", j -> j)).status()).isEqualTo(403);
        Api.Response created = both.post(PATH, document(company, "t", j -> j));
        assertThat(created.status()).isEqualTo(201);
        assertThat(dbOnly.put(PATH + "/" + created.id(), document(company, "", j -> j)).status()).isEqualTo(403);
        // reading the settings: the configuring pair, or accounting (who runs connections)
        assertThat(neither.get(PATH + "/" + created.id()).status()).isEqualTo(403);
        assertThat(staffOf(company, "accounting").get(PATH + "/" + created.id()).status()).isEqualTo(200);
    }

    private String sealedToken(long id) {
        return jdbc.sql("SELECT api_token_encrypted FROM meisai_connection WHERE id = ?").param(id).query(String.class).single();
    }

    private static String document(long company, String token, UnaryOperator<String> change) {
        return change.apply("""
                {"companyId":%d,"name":"支払通知書（差替）","url":"https://rb101.eco-serv.jp/acme/backadmin/top?x=1",
                 "apiToken":"%s","dataKind":"DOCUMENT_CSV","reportMail":"ON_ERROR","reportMailTo":"EXECUTOR",
                 "reportTypeId":1,"importMethod":"REPLACE","approvalSkip":true,"issueMethod":"SCHEDULED","scheduledAt":"2027-02-01T01:00:00Z",
                 "replacementNoticeMail":true,"replacementPostal":true,"replacementFax":true,"faxOption":true,"approvalFlowId":2,
                 "recordUpdates":[{"field":"MEISAI_STATUS","fieldType":"SINGLE_CHOICE","value":"連携済"},{"field":"MEISAI_ISSUED_AT","fieldType":"DATE_TIME","value":"now"},{"field":"MEISAI_MEMO","fieldType":"TEXT","value":"自動連携"}]}"""
                .formatted(company, token));
    }

    private static String customer(long company, UnaryOperator<String> change) {
        return change.apply("""
                {"companyId":%d,"name":"取引先","url":"https://rb101.eco-serv.jp/acme/","apiToken":"customer-token",
                 "dataKind":"CUSTOMER","reportMail":"OFF","customerSettingId":3,"overwriteInUse":false,"overwriteBlanks":true}"""
                .formatted(company));
    }
}
