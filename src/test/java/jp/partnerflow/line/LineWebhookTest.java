package jp.partnerflow.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webhooks;

/** POST /line/webhook as LINE calls it, and what partners see in reply. */
@ExtendWith(OutputCaptureExtension.class)
class LineWebhookTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    TaskService tasks;

    @Test
    void validSignatureIsAcceptedAndTheEventStored() {
        String eventId = Webhooks.newEventId();
        String body = Webhooks.unfollow(eventId, Api.newLineUserId());

        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);
        assertThat(stored(eventId)).isEqualTo(1);
    }

    @Test
    void tamperedWrongMissingOrGarbledSignaturesAreRejectedAndNothingIsStored() {
        String eventId = Webhooks.newEventId();
        String body = Webhooks.postback(eventId, Api.newLineUserId(), "action=approve-order&order=1");
        String tampered = body.replace("order=1", "order=2");

        assertThat(api.webhook(tampered, sign(body, CHANNEL_SECRET)).status()).isEqualTo(401);
        assertThat(api.webhook(body, sign(body, "another-channel-secret")).status()).isEqualTo(401);
        assertThat(api.webhook(body, null).status()).isEqualTo(401);
        assertThat(api.webhook(body, "this is not base64!").status()).isEqualTo(401);
        assertThat(stored(eventId)).isZero();
    }

    @Test
    void partnerApprovesAfterTheFinalConfirmation() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));

        String approve = postback(user, "action=approve-order&order=" + order);
        assertThat(replyTo(approve)).contains("最終確認", "Webサイト改修", "実行する", "confirm-approve-order");
        assertThat(orderStatus(order)).isEqualTo("ISSUED");

        String confirm = postback(user, "action=confirm-approve-order&order=" + order);
        assertThat(replyTo(confirm)).contains("承認しました");
        // both taps were worked off at the first attempt, not by the retry path
        assertThat(statusAndAttempts(approve)).isEqualTo("PROCESSED/1");
        assertThat(statusAndAttempts(confirm)).isEqualTo("PROCESSED/1");
        Api.Response approved = api.get("/api/orders/" + order);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedAt").asText()).isNotBlank();
    }

    @Test
    void theSameEventDeliveredTwiceApprovesOnce() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String eventId = Webhooks.newEventId();
        String body = Webhooks.postback(eventId, user, "action=confirm-approve-order&order=" + order);

        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);
        assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);

        assertThat(replyTo(eventId)).contains("承認しました");
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> repliesTo(eventId).size() == 1);
        assertThat(stored(eventId)).isEqualTo(1);
        assertThat(orderStatus(order)).isEqualTo("APPROVED");

        String late = postback(user, "action=confirm-approve-order&order=" + order);
        assertThat(replyTo(late)).contains("すでに承認済みです");
    }

    @Test
    void aSlowLineDoesNotHoldUpTheNextEvents() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        long answerMillis = 1500; // under the tests' LINE timeout of 2 s
        var slowReplies = LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[0].template.actions[0].data",
                        equalTo("action=confirm-approve-order&order=" + order)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"sentMessages\":[]}").withFixedDelay((int) answerMillis)));
        try {
            // three times the event workers: waiting for each reply, the last two would wait for two answers
            List<String> taps = IntStream.range(0, 6).mapToObj(i -> postback(user, "action=approve-order&order=" + order))
                    .toList();
            taps.forEach(tap -> assertThat(replyTo(tap)).contains("最終確認"));
            Instant lastProcessed = taps.stream().map(this::processedAt).max(Instant::compareTo).orElseThrow();
            Instant firstAnswered = taps.stream().map(tap -> repliesTo(tap).get(0).getLoggedDate().toInstant())
                    .min(Instant::compareTo).orElseThrow().plusMillis(answerMillis);
            assertThat(lastProcessed).as("every tap was worked off before LINE answered any reply").isBefore(firstAnswered);
        } finally {
            LINE.removeStub(slowReplies);
        }
    }

    @Test
    void aReplyLineRefusesLeavesTheApprovalAndSaysWhyInTheLog(CapturedOutput output) {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String eventId = Webhooks.newEventId();
        var refused = LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.replyToken", equalTo("reply-" + eventId)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Invalid reply token\"}")));
        try {
            String body = Webhooks.postback(eventId, user, "action=confirm-approve-order&order=" + order);
            assertThat(api.webhook(body, sign(body, CHANNEL_SECRET)).status()).isEqualTo(200);

            await().atMost(PATIENCE).until(() -> output.getAll()
                    .contains("reply to LINE event " + eventId + " failed: LINE answered 400"));
            assertThat(output.getAll()).contains("Invalid reply token");
            assertThat(orderStatus(order)).isEqualTo("APPROVED");
            assertThat(statusAndAttempts(eventId)).isEqualTo("PROCESSED/1");
        } finally {
            LINE.removeStub(refused);
        }
    }

    @Test
    void anotherPartnersPostbackChangesNothing() {
        long company = api.company(true);
        long order = api.order(api.partner(company, Api.newLineUserId()));
        String intruder = Api.newLineUserId();
        api.partner(company, intruder);

        String attempt = postback(intruder, "action=confirm-approve-order&order=" + order);
        assertThat(replyTo(attempt)).contains("この発注書を操作する権限がありません");
        assertThat(orderStatus(order)).isEqualTo("ISSUED");

        String stranger = postback(Api.newLineUserId(), "action=confirm-approve-order&order=" + order);
        assertThat(replyTo(stranger)).contains("パートナー登録が確認できませんでした");
        assertThat(orderStatus(order)).isEqualTo("ISSUED");
    }

    @Test
    void missingBankAccountOrBasicInfoIsAskedForFirst() {
        String user = Api.newLineUserId();
        long order = api.order(api.partnerWithoutProfile(api.company(true), user));

        String approve = postback(user, "action=confirm-approve-order&order=" + order);
        assertThat(replyTo(approve)).contains("口座情報と基本情報を登録してください", "/partner/profile");
        assertThat(orderStatus(order)).isEqualTo("ISSUED");
    }

    @Test
    void declinedOrderGoesToTheOrderingStaffInTasklist() {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        String processInstance = api.get("/api/orders/" + order).json().get("processInstanceId").asText();

        assertThat(replyTo(postback(user, "action=decline-order&order=" + order))).contains("最終確認", "辞退します");
        assertThat(replyTo(postback(user, "action=confirm-decline-order&order=" + order))).contains("辞退しました");

        assertThat(orderStatus(order)).isEqualTo("DECLINED");
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstance).list();
        assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_ReviseOrder");
        assertThat(tasks.createTaskQuery().processInstanceId(processInstance).taskCandidateGroup("ordering").count())
                .isEqualTo(1);
        assertThat(tasks.getVariableLocal(open.get(0).getId(), "title")).isEqualTo("Webサイト改修");
    }

    @Test
    void followMarksTheLinkedPartnerAndWelcomesThem() {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);

        String unfollow = Webhooks.newEventId();
        String body = Webhooks.unfollow(unfollow, user);
        api.webhook(body, sign(body, CHANNEL_SECRET));
        await().atMost(PATIENCE).until(() -> !api.get("/api/partners/" + partner).json().get("lineFollowing").asBoolean());

        String follow = Webhooks.newEventId();
        body = Webhooks.follow(follow, user);
        api.webhook(body, sign(body, CHANNEL_SECRET));
        assertThat(replyTo(follow)).contains("友だち登録完了");
        assertThat(api.get("/api/partners/" + partner).json().get("lineFollowing").asBoolean()).isTrue();
    }

    private String replyTo(String eventId) {
        return await().atMost(PATIENCE).until(() -> repliesTo(eventId), r -> !r.isEmpty()).get(0).getBodyAsString();
    }

    private String orderStatus(long order) {
        return api.get("/api/orders/" + order).json().get("status").asText();
    }

    private String statusAndAttempts(String eventId) {
        return jdbc.sql("SELECT status || '/' || attempts FROM line_webhook_event WHERE webhook_event_id = ?")
                .param(eventId).query(String.class).single();
    }

    private Instant processedAt(String eventId) {
        return jdbc.sql("SELECT processed_at FROM line_webhook_event WHERE webhook_event_id = ?").param(eventId)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private long stored(String eventId) {
        return jdbc.sql("SELECT count(*) FROM line_webhook_event WHERE webhook_event_id = ?").param(eventId)
                .query(Long.class).single();
    }
}
