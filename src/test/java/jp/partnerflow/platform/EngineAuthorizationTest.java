package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webapp;

/**
 * Camunda's authorization, as each staff user meets it through {@code /engine-rest} and the
 * webapps: a user sees and does only what their groups may (StaffGroups), tasks only of their
 * candidate groups, deployments — which run their expressions as code — by process owners alone.
 */
class EngineAuthorizationTest extends FeatureTest {
    private static final String APPROVE = "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}";

    @Autowired
    RepositoryService repository;

    @Test
    void aUserInNoGroupSeesNothingAndChangesNothing() {
        invoiceInReview(api.company(true), 300_000); // there is a task, a process, a deployment to see
        Api nobody = staff();

        assertThat(nobody.get("/engine-rest/task").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/task/count").json().get("count").asInt()).isZero();
        assertThat(nobody.get("/engine-rest/process-definition").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/process-instance").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/history/process-instance").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/history/variable-instance").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/deployment").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/incident").json()).isEmpty();
        assertThat(nobody.get("/engine-rest/user").json().findValuesAsText("id")).containsExactly(nobody.user());
        assertThat(nobody.get("/engine-rest/group").json()).isEmpty();

        long orders = api.get("/engine-rest/process-instance/count?processDefinitionKey=purchase-order").json().get("count").asLong();
        // a definition the user may not read is not found (404); one they may read but not start is 403
        assertThat(nobody.post("/engine-rest/process-definition/key/purchase-order/start", "{}").status()).isEqualTo(404);
        assertThat(staff(StaffGroups.ACCOUNTING).post("/engine-rest/process-definition/key/purchase-order/start", "{}")
                .status()).isIn(403, 404);
        assertThat(staff(StaffGroups.PROCESS_OWNERS).post("/engine-rest/process-definition/key/purchase-order/start", "{}")
                .status()).isEqualTo(403);
        assertThat(api.get("/engine-rest/process-instance/count?processDefinitionKey=purchase-order").json().get("count")
                .asLong()).isEqualTo(orders);
        assertThat(nobody.post("/engine-rest/user/create", """
                {"profile":{"id":"mallory","firstName":"M","lastName":"M","email":"m@example.jp"},
                 "credentials":{"password":"mallory-password-1"}}""").status()).isEqualTo(403);
        assertThat(nobody.put("/engine-rest/group/camunda-admin/members/" + nobody.user(), "").status()).isEqualTo(403);
        assertThat(nobody.put("/engine-rest/group/dbSettings/members/" + nobody.user(), "").status()).isEqualTo(403);
        assertThat(nobody.put("/engine-rest/user/" + STAFF_USER + "/credentials", """
                {"password":"taken-over-1","authenticatedUserPassword":"%s"}""".formatted(STAFF_PASSWORD)).status())
                .isIn(403, 404); // another user is not even visible
        assertThat(nobody.post("/engine-rest/authorization/create", """
                {"type":1,"permissions":["ALL"],"userId":"%s","resourceType":0,"resourceId":"*"}""".formatted(nobody.user()))
                .status()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("mallory").count()).isZero();
        assertThat(identity.createGroupQuery().groupMember(nobody.user()).count()).isZero();
        assertThat(identity.checkPassword(STAFF_USER, STAFF_PASSWORD)).isTrue();

        for (String app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(new Webapp(port).login(app, nobody.user(), STAFF_PASSWORD)).as(app).isEqualTo(403);
        }
    }

    @Test
    void aTaskIsSeenClaimedAndCompletedOnlyByItsCandidateGroups() {
        long company = api.company(true);
        InvoiceInReview small = invoiceInReview(company, 300_000); // accounting (and its managers)
        InvoiceInReview large = invoiceInReview(company, 1_200_000); // over ¥1,000,000: accountingManager only
        Api accounting = staffOf(company, StaffGroups.ACCOUNTING);
        Api manager = staffOf(company, StaffGroups.ACCOUNTING_MANAGER);
        Api ordering = staffOf(company, StaffGroups.ORDERING);
        Api nobody = staffOf(company);
        String both = "/engine-rest/task?processInstanceIdIn=" + small.month() + "," + large.month();

        assertThat(ids(accounting.get(both).json())).containsExactly(small.task());
        assertThat(ids(manager.get(both).json())).containsExactlyInAnyOrder(small.task(), large.task());
        assertThat(ids(ordering.get(both).json())).isEmpty();
        assertThat(ids(nobody.get(both).json())).isEmpty();

        // accounting cannot touch the manager's task, nor can a user in no group
        assertThat(accounting.get("/engine-rest/task/" + large.task()).status()).isEqualTo(404);
        assertThat(accounting.post("/engine-rest/task/" + large.task() + "/claim",
                "{\"userId\":\"%s\"}".formatted(accounting.user())).status()).isEqualTo(403);
        assertThat(accounting.post("/engine-rest/task/" + large.task() + "/submit-form", APPROVE).status()).isEqualTo(403);
        assertThat(accounting.post("/engine-rest/task/" + large.task() + "/complete", APPROVE).status()).isEqualTo(403);
        assertThat(nobody.post("/engine-rest/task/" + small.task() + "/submit-form", APPROVE).status()).isEqualTo(403);
        assertThat(ordering.post("/engine-rest/task/" + small.task() + "/complete", APPROVE).status()).isEqualTo(403);
        assertThat(invoiceStatus(large.invoice())).isEqualTo("SUBMITTED");
        assertThat(invoiceStatus(small.invoice())).isEqualTo("SUBMITTED");

        // the same in Tasklist
        Webapp tasklist = new Webapp(port);
        assertThat(tasklist.login("tasklist", accounting.user(), STAFF_PASSWORD)).isEqualTo(200);
        assertThat(ids(tasklist.engine("/task?processInstanceIdIn=" + small.month() + "," + large.month()).json()))
                .containsExactly(small.task());
        assertThat(tasklist.enginePost("/task/" + large.task() + "/submit-form", APPROVE).status()).isEqualTo(403);
        assertThat(tasklist.engine("/task/" + small.task() + "/form-variables").json().get("invoiceTotal").get("value")
                .asText()).isEqualTo("330,000");
        assertThat(tasklist.engine("/task/" + small.task() + "/deployed-form").status()).isEqualTo(200);
        assertThat(tasklist.enginePost("/task/" + small.task() + "/claim", "{\"userId\":\"%s\"}".formatted(accounting.user()))
                .status()).isEqualTo(204);
        assertThat(tasklist.enginePost("/task/" + small.task() + "/submit-form", APPROVE).status()).isEqualTo(204);
        for (String app : List.of("cockpit", "admin")) {
            assertThat(new Webapp(port).login(app, accounting.user(), STAFF_PASSWORD)).as(app).isEqualTo(403);
        }

        // the manager decides theirs through the engine REST API; each is recorded as its reviewer
        assertThat(manager.post("/engine-rest/task/" + large.task() + "/submit-form", APPROVE).status()).isEqualTo(204);
        assertThat(api.get("/api/invoices/" + small.invoice()).json().get("reviews").findValuesAsText("reviewer"))
                .containsExactly(accounting.user());
        assertThat(api.get("/api/invoices/" + large.invoice()).json().get("reviews").findValuesAsText("reviewer"))
                .containsExactly(manager.user());
    }

    @Test
    void onlyProcessOwnersDeployAndWhatTheyDeployRunsAsCode() {
        String stolen = "stolen" + UUID.randomUUID().toString().substring(0, 8);
        List<Api> others = new ArrayList<>(List.of(staff(), staff(StaffGroups.ORDERING, StaffGroups.ACCOUNTING,
                StaffGroups.ACCOUNTING_MANAGER, StaffGroups.DB_SETTINGS, StaffGroups.SYSTEM_INTEGRATION)));
        for (Api other : others) {
            Api.Response refused = other.upload("/engine-rest/deployment/create", stolen + ".bpmn", "application/xml",
                    model(stolen, "camunda.bpm.admin-user.password"));
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(other.post("/engine-rest/process-definition/key/" + stolen + "/start", "{}").status())
                    .isIn(403, 404);
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(stolen).count()).isZero();

        // a process owner deploys as Camunda Modeler does; its expression is Java, run by the service
        Api owner = staff(StaffGroups.PROCESS_OWNERS);
        String harmless = "owned" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response deployed = owner.upload("/engine-rest/deployment/create", harmless + ".bpmn", "application/xml",
                model(harmless, "spring.application.name"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        assertThat(owner.get("/engine-rest/process-definition?key=" + harmless).json()).hasSize(1);
        assertThat(owner.post("/engine-rest/process-definition/key/" + harmless + "/start", "{}").status()).isEqualTo(403);
        String instance = api.post("/engine-rest/process-definition/key/" + harmless + "/start", "{}").json().get("id").asText();
        assertThat(api.get("/engine-rest/history/variable-instance?processInstanceId=" + instance).json()
                .findValuesAsText("value")).containsExactly("partnerflow");
        assertThat(new Webapp(port).login("cockpit", owner.user(), STAFF_PASSWORD)).isEqualTo(200);
        assertThat(new Webapp(port).login("admin", owner.user(), STAFF_PASSWORD)).isEqualTo(403);
    }

    /** A process whose one step copies a Spring property into a variable: what a deployed expression can do. */
    private static byte[] model(String key, String property) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Read" />
                    <bpmn:serviceTask id="Read" camunda:expression="${execution.setVariable('read', environment.getProperty('%2$s'))}">
                      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:sequenceFlow id="F2" sourceRef="Read" targetRef="End" />
                    <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, property).getBytes(StandardCharsets.UTF_8);
    }

    private String invoiceStatus(long invoice) {
        return api.get("/api/invoices/" + invoice).json().get("status").asText();
    }

    private static List<String> ids(JsonNode tasks) {
        return tasks.findValuesAsText("id");
    }
}
