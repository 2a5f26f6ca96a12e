package jp.partnerflow.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * The staff API as a staff user of company A calls it about company B: B's things do not exist for
 * them — a path naming one is 404, a body naming one is the 400 of a thing that does not exist — and
 * nothing of B changes. The same calls about A's things answer.
 */
class CompanyApiIsolationTest extends FeatureTest {

    @Test
    void aStaffUserOfOneCompanyFindsNothingOfAnother() {
        long a = api.company(true);
        long b = api.company(true);
        PaymentNoticeSent ofA = paymentNoticeSent(a);
        PaymentNoticeSent ofB = paymentNoticeSent(b);
        long connectionOfA = connection(a);
        long connectionOfB = connection(b);
        Api staffOfA = staffOf(a, StaffGroups.ORDERING, StaffGroups.ACCOUNTING, StaffGroups.DB_SETTINGS,
                StaffGroups.SYSTEM_INTEGRATION);

        Map<String, Long> pathOfB = new LinkedHashMap<>();
        Map<String, Long> pathOfA = new LinkedHashMap<>();
        for (boolean ofCompanyB : new boolean[] { true, false }) {
            PaymentNoticeSent sent = ofCompanyB ? ofB : ofA;
            long company = ofCompanyB ? b : a;
            long connection = ofCompanyB ? connectionOfB : connectionOfA;
            Map<String, Long> paths = ofCompanyB ? pathOfB : pathOfA;
            paths.put("/api/companies/" + company, company);
            paths.put("/api/partners/" + sent.partnerId(), company);
            paths.put("/api/partners?companyId=" + company, company);
            paths.put("/api/partners/" + sent.partnerId() + "/notices", company);
            paths.put("/api/partners/" + sent.partnerId() + "/access-tokens", company);
            paths.put("/api/orders/" + sent.order(), company);
            paths.put("/api/orders?partnerId=" + sent.partnerId(), company);
            paths.put("/api/orders/" + sent.order() + "/work-reports", company);
            paths.put("/api/invoices/" + sent.invoice(), company);
            paths.put("/api/payment-notices/" + sent.notice(), company);
            paths.put("/api/payment-notices?invoiceId=" + sent.invoice(), company);
            paths.put("/api/meisai/connections/" + connection, company);
            paths.put("/api/meisai/connections?companyId=" + company, company);
            paths.put("/api/meisai/connections/" + connection + "/runs", company);
            paths.put("/api/meisai/record-lists?companyId=" + company, company);
            paths.put("/api/meisai/issues?paymentNoticeId=" + sent.notice(), company);
        }
        pathOfB.keySet().forEach(path -> {
            Api.Response answer = staffOfA.get(path);
            assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(404);
            assertThat(answer.contentType()).contains("application/problem+json");
        });
        pathOfA.keySet().forEach(path -> assertThat(staffOfA.get(path).status()).as(path).isEqualTo(200));

        // writing about B: as if B's things did not exist
        assertInvalid(staffOfA.post("/api/partners", """
                {"companyId":%d,"name":"他社 太郎","email":"tasha@example.jp","kind":"INDIVIDUAL"}""".formatted(b)), "companyId");
        assertInvalid(staffOfA.post("/api/orders", """
                {"partnerId":%d,"title":"他社の発注","workContent":"x","periodStart":"2027-01-01","periodEnd":"2027-01-31",
                 "fee":100000,"taxRate":"TEN_PERCENT"}""".formatted(ofB.partnerId())), "partnerId");
        assertInvalid(staffOfA.post("/api/meisai/record-lists", """
                {"companyId":%d,"name":"他社","approvedIn":"THIS_MONTH"}""".formatted(b)), "companyId");
        assertInvalid(staffOfA.post("/api/meisai/connections", """
                {"companyId":%d,"name":"他社","url":"https://rb101.eco-serv.jp/acme/","apiToken":"x","dataKind":"DOCUMENT_CSV",
                 "reportMail":"OFF","reportTypeId":1,"importMethod":"NEW"}""".formatted(b)), "companyId");
        assertThat(staffOfA.put("/api/partners/" + ofB.partnerId() + "/basic-info", """
                {"postalCode":"100-0001","address":"東京都千代田区千代田1-1","phone":"090-1234-5678"}""").status()).isEqualTo(404);
        assertThat(staffOfA.post("/api/partners/" + ofB.partnerId() + "/access-tokens", "").status()).isEqualTo(404);
        assertThat(staffOfA.post("/api/orders/" + ofB.order() + "/work-reports", """
                {"billingMonth":"2026-12","entries":[{"workDate":"2026-12-01","hours":8,"content":"作業"}]}""").status())
                .isEqualTo(404);
        assertThat(staffOfA.post("/api/payment-notices/" + ofB.notice() + "/corrections", """
                {"paymentDate":"2027-01-29","note":"他社から"}""").status()).isEqualTo(404);
        assertThat(staffOfA.post("/api/meisai/connections/" + connectionOfB + "/runs", "{\"recordListId\":1}").status())
                .isEqualTo(404);
        assertThat(staffOfA.get("/api/invoices/" + ofB.invoice() + "/attachment").status()).isEqualTo(404);
        assertThat(count("partner WHERE company_id = " + b)).isEqualTo(1);
        assertThat(api.get("/api/payment-notices/" + ofB.notice()).json().get("versions")).hasSize(1);
    }

    private long connection(long company) {
        return api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"承認時CSV","url":"https://rb101.eco-serv.jp/acme/","apiToken":"tok-access-test",
                 "dataKind":"DOCUMENT_CSV","reportMail":"OFF","reportTypeId":1,"importMethod":"NEW","issueOnApproval":false}"""
                .formatted(company)).id();
    }
}
