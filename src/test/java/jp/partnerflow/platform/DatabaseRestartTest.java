package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.TestDatabase;

/**
 * PostgreSQL restarted mid-run (its connections cut and refused for 15 s): the service says
 * it is down meanwhile and recovers on its own — the API answers again, the job executor fires the
 * timers that fell due, LINE approvals go through — without a restart of its own.
 */
class DatabaseRestartTest extends FeatureTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theServiceRecoversWithoutARestartOfItsOwn() throws Exception {
        String user = Api.newLineUserId();
        long partner = api.partner(api.company(true), user);
        long order = api.order(partner);
        await().atMost(PATIENCE).until(() -> pushTextsTo(user).size() == 1);
        String process = api.get("/api/orders/" + order).json().get("processInstanceId").asText();

        Thread restart = new Thread(() -> {
            try {
                TestDatabase.restart(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        restart.start();
        await().atMost(PATIENCE).until(() -> api.anonymous().get("/actuator/health").status() == 503);
        restart.join();

        // back: health, the API, the job executor (the order's reminder falls due), and the webhook
        await().atMost(PATIENCE).until(() -> api.anonymous().get("/actuator/health").status() == 200);
        assertThat(api.get("/api/orders/" + order).status()).isEqualTo(200);
        jdbc.sql("UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second' WHERE process_instance_id_ = ? "
                + "AND job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_DecisionReminder')")
                .param(process).update();
        await().atMost(PATIENCE).until(() -> pushTextsTo(user).size() == 2);
        assertThat(pushTextsTo(user).get(1)).contains("発注書を確認してください");
        approveOnLine(user, order);
        assertThat(api.get("/api/orders/" + order).json().get("status").asText()).isEqualTo("APPROVED");
    }
}
