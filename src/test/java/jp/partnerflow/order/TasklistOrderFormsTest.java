package jp.partnerflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * What ordering staff do in Tasklist, sent to the engine REST API the way the Tasklist webapp
 * sends a submitted Camunda Form: issuing an order from the start form, and revising or cancelling a
 * declined order in the task 「発注書を修正または取消する」.
 */
class TasklistOrderFormsTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ISSUED_TEXT = "発注書を確認してください";

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    @Test
    void staffIssueAnOrderFromTheStartForm() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);

        Api.Response started = api.post("/engine-rest/process-definition/key/purchase-order/submit-form", """
                {"variables":{
                  "partnerId":{"value":%d,"type":"Integer"},
                  "title":{"value":"ロゴ制作","type":"String"},
                  "workContent":{"value":"新サービスのロゴデザイン","type":"String"},
                  "periodStart":{"value":"2027-01-01","type":"String"},
                  "periodEnd":{"value":"2027-01-31","type":"String"},
                  "fee":{"value":120000,"type":"Integer"},
                  "taxRate":{"value":"TEN_PERCENT","type":"String"}}}""".formatted(partner));

        assertThat(started.status()).as(started.text()).isEqualTo(200);
        JsonNode order = only(api.get("/api/orders?partnerId=" + partner).json());
        assertThat(order.get("title").asText()).isEqualTo("ロゴ制作");
        assertThat(order.get("fee").asLong()).isEqualTo(120000);
        assertThat(order.get("status").asText()).isEqualTo("ISSUED");
        assertThat(order.get("processInstanceId").asText()).isEqualTo(started.json().get("id").asText());
        // Cockpit lists it by partner and number
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started.json().get("id").asText()).singleResult()
                .getBusinessKey()).isEqualTo(api.get("/api/partners/" + partner).json().get("name").asText() + " / "
                        + order.get("number").asText());
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 1);
        assertThat(pushesTo(user).get(0).getBodyAsString()).contains(ISSUED_TEXT, "ロゴ制作");
        // the form fields became the order; the process keeps only its id
        JsonNode variables = api.get("/engine-rest/process-instance/" + started.json().get("id").asText()
                + "/variables").json();
        assertThat(variables.has("orderId")).isTrue();
        assertThat(variables.has("title")).isFalse();
    }

    @Test
    void aStartFormWithAnUnknownPartnerIsRefusedAndNothingIsStarted() {
        long instances = instances();

        Api.Response refused = api.post("/engine-rest/process-definition/key/purchase-order/submit-form", """
                {"variables":{
                  "partnerId":{"value":999999999,"type":"Integer"},
                  "title":{"value":"ロゴ制作","type":"String"},
                  "workContent":{"value":"新サービスのロゴデザイン","type":"String"},
                  "periodStart":{"value":"2027-01-01","type":"String"},
                  "periodEnd":{"value":"2027-01-31","type":"String"},
                  "fee":{"value":120000,"type":"Integer"},
                  "taxRate":{"value":"TEN_PERCENT","type":"String"}}}""");

        // the engine REST API answers a refused form with 400 and the reason, which Tasklist shows
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("partnerId: no such partner");
        assertThat(instances()).isEqualTo(instances);
    }

    /** Tasklist submits the form; a company system may complete the task with the form's variables: both do the same. */
    @ParameterizedTest
    @ValueSource(strings = { "submit-form", "complete" })
    void aDeclinedOrderIsRevisedInTheTaskFormAndIssuedAgain(String completion) {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String task = declinedOrderTask(user, order);

        JsonNode form = api.get("/engine-rest/task/" + task + "/form-variables").json();
        assertThat(form.get("orderNumber").get("value").asText()).isEqualTo(orderJson(order).get("number").asText());
        assertThat(form.get("title").get("value").asText()).isEqualTo("Webサイト改修");
        assertThat(form.get("fee").get("value").asLong()).isEqualTo(300000);
        assertThat(form.get("decision").get("value").asText()).isEqualTo("REISSUE");
        int revision = orderJson(order).get("revision").asInt();

        Api.Response submitted = api.post("/engine-rest/task/" + task + "/" + completion, """
                {"variables":{
                  "decision":{"value":"REISSUE","type":"String"},
                  "title":{"value":"Webサイト改修（範囲見直し）","type":"String"},
                  "workContent":{"value":"トップページのみ改修","type":"String"},
                  "periodStart":{"value":"2026-12-15","type":"String"},
                  "periodEnd":{"value":"2027-02-28","type":"String"},
                  "fee":{"value":180000,"type":"Integer"},
                  "taxRate":{"value":"TEN_PERCENT","type":"String"}}}""");

        assertThat(submitted.status()).isEqualTo(204);
        JsonNode reissued = orderJson(order);
        assertThat(reissued.get("status").asText()).isEqualTo("ISSUED");
        assertThat(reissued.get("revision").asInt()).isEqualTo(revision + 1);
        assertThat(reissued.get("title").asText()).isEqualTo("Webサイト改修（範囲見直し）");
        assertThat(reissued.get("fee").asLong()).isEqualTo(180000);
        assertThat(reissued.get("periodStart").asText()).isEqualTo("2026-12-15");
        await().atMost(PATIENCE).until(() -> pushesTo(user).size() == 2);
        assertThat(pushesTo(user)).extracting(LoggedRequest::getBodyAsString)
                .anyMatch(body -> body.contains(ISSUED_TEXT) && body.contains("Webサイト改修（範囲見直し）"));
        // the revised order waits for the partner again
        postback(user, "action=confirm-approve-order&order=" + order);
        await().atMost(PATIENCE).until(() -> orderJson(order).get("status").asText().equals("APPROVED"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "submit-form", "complete" })
    void aDeclinedOrderIsCancelledInTheTaskForm(String completion) {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String task = declinedOrderTask(user, order);

        Api.Response submitted = api.post("/engine-rest/task/" + task + "/" + completion, """
                {"variables":{"decision":{"value":"CANCEL","type":"String"}}}""");

        assertThat(submitted.status()).isEqualTo(204);
        JsonNode cancelled = orderJson(order);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelledAt").asText()).isNotBlank();
        assertThat(api.get("/engine-rest/process-instance/" + cancelled.get("processInstanceId").asText()).status())
                .isEqualTo(404);
        assertThat(orderJson(order).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(pushesTo(user)).hasSize(1);
    }

    @Test
    void aTaskFormWithAnUnknownDecisionIsRefusedAndTheTaskStays() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String task = declinedOrderTask(user, order);

        Api.Response refused = api.post("/engine-rest/task/" + task + "/submit-form", """
                {"variables":{"decision":{"value":"MAYBE","type":"String"}}}""");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("decision: must be REISSUE or CANCEL");
        assertThat(api.get("/engine-rest/task/" + task).status()).isEqualTo(200);
        assertThat(orderJson(order).get("status").asText()).isEqualTo("DECLINED");
    }

    /** The partner declines on LINE; the ordering staff's task appears. */
    private String declinedOrderTask(String user, long order) {
        postback(user, "action=confirm-decline-order&order=" + order);
        String instance = orderJson(order).get("processInstanceId").asText();
        JsonNode tasks = await().atMost(PATIENCE).until(
                () -> api.get("/engine-rest/task?processInstanceId=" + instance + "&candidateGroup=ordering").json(),
                list -> list.size() == 1);
        // the list tells the case: number, partner, title
        assertThat(tasks.get(0).get("name").asText()).matches("発注書を修正または取消する PO-\\d{6}-\\d{5} 山田 太郎 .+");
        return tasks.get(0).get("id").asText();
    }

    private JsonNode orderJson(long order) {
        return api.get("/api/orders/" + order).json();
    }

    private long instances() {
        return api.get("/engine-rest/process-instance/count?processDefinitionKey=purchase-order").json().get("count")
                .asLong();
    }

    private static JsonNode only(JsonNode list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
