package jp.partnerflow.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.platform.CompanyTenants;
import jp.partnerflow.platform.StaffGroups;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webapp;

/**
 * Every company is a Camunda tenant; its instances, tasks, decisions and history carry the tenant id,
 * and the engine (Tasklist, Cockpit, /engine-rest) shows a company's staff their company's only.
 */
class CompanyTenancyTest extends FeatureTest {
    private static final String APPROVE = "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}";

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @Test
    void aCompanyIsATenantNamedAsTheCompany() {
        long company = api.post("/api/companies", """
                {"name":"株式会社テナント","closingDay":31,"paymentTerms":{"monthOffset":1,"day":31},"lineOption":true}""").id();

        Tenant tenant = identity.createTenantQuery().tenantId("company" + company).singleResult();
        assertThat(tenant).isNotNull();
        assertThat(tenant.getName()).isEqualTo("株式会社テナント");
    }

    @Test
    void eachCompanysStaffSeeAndWorkTheirCompanysTasksAndInstancesOnly() {
        long a = api.company(true);
        long b = api.company(true);
        InvoiceInReview ofA = invoiceInReview(a, 300_000);
        InvoiceInReview ofB = invoiceInReview(b, 300_000);
        Api accountingOfA = staffOf(a, StaffGroups.ACCOUNTING);
        Api accountingOfB = staffOf(b, StaffGroups.ACCOUNTING);
        String both = "?processInstanceIdIn=" + ofA.month() + "," + ofB.month();

        // the instances carry their company's tenant, the billing month its order's
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(ofA.month()).singleResult().getTenantId())
                .isEqualTo(CompanyTenants.of(a));
        String orderOfB = api.get("/api/orders/" + ofB.order()).json().get("processInstanceId").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(orderOfB).singleResult().getTenantId())
                .isEqualTo(CompanyTenants.of(b));
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("invoice-review")
                .processInstanceId(ofB.month()).singleResult().getTenantId()).isEqualTo(CompanyTenants.of(b));

        // /engine-rest and Tasklist: each their own
        assertThat(ids(accountingOfA.get("/engine-rest/task" + both).json())).containsExactly(ofA.task());
        assertThat(ids(accountingOfB.get("/engine-rest/task" + both).json())).containsExactly(ofB.task());
        assertThat(accountingOfA.get("/engine-rest/task/" + ofB.task()).status()).isEqualTo(404);
        Api.Response other = accountingOfA.post("/engine-rest/task/" + ofB.task() + "/submit-form", APPROVE);
        assertThat(other.status()).as(other.text()).isIn(403, 404);
        assertThat(api.get("/api/invoices/" + ofB.invoice()).json().get("status").asText()).isEqualTo("SUBMITTED");
        Webapp tasklist = new Webapp(port);
        assertThat(tasklist.login("tasklist", accountingOfB.user(), STAFF_PASSWORD)).isEqualTo(200);
        assertThat(ids(tasklist.engine("/task" + both).json())).containsExactly(ofB.task());
        assertThat(tasklist.enginePost("/task/" + ofB.task() + "/submit-form", APPROVE).status()).isEqualTo(204);

        // Cockpit's view (process owners): instances, history and decisions of their company only
        Api ownerOfA = staffOf(a, StaffGroups.PROCESS_OWNERS);
        String orderOfA = api.get("/api/orders/" + ofA.order()).json().get("processInstanceId").asText();
        assertThat(ids(ownerOfA.get("/engine-rest/process-instance?processInstanceIds=" + orderOfA + "," + orderOfB).json()))
                .containsExactly(orderOfA);
        assertThat(ids(ownerOfA.get("/engine-rest/history/process-instance?processInstanceIds=" + ofA.month() + ","
                + ofB.month()).json())).containsExactly(ofA.month());
        List<String> decisions = ownerOfA.get("/engine-rest/history/decision-instance?decisionDefinitionKey=invoice-review")
                .json().findValuesAsText("processInstanceId");
        assertThat(decisions).contains(ofA.month()).doesNotContain(ofB.month());
        // an operator sees both
        assertThat(ids(api.get("/engine-rest/history/process-instance?processInstanceIds=" + ofA.month() + ","
                + ofB.month()).json())).containsExactlyInAnyOrder(ofA.month(), ofB.month());
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsText("id");
    }
}
