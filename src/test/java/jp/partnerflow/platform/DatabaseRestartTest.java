package jp.partnerflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.TestDatabase;

/**
 * PostgreSQL restarted mid-run (its connections cut and refused for 15 s): the service says
 * it is down meanwhile and recovers on its own — the API answers again, the job executor fires the
 * timers that fell due, LINE approvals go through — without a restart of its own.
 */
@Tag("slow")
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
        try {
            await().atMost(PATIENCE).until(() -> pushTextsTo(user).size() == 2);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no reminder on LINE within " + PATIENCE + "; " + whereTheReminderIs(process, partner), e);
        }
        assertThat(pushTextsTo(user).get(1)).contains("発注書を確認してください");
        approveOnLine(user, order);
        assertThat(api.get("/api/orders/" + order).json().get("status").asText()).isEqualTo("APPROVED");
    }

    /** What a failed run needs to tell: the process's jobs, the partner's deliveries, and the due jobs ahead in the queue. */
    private String whereTheReminderIs(String process, long partner) {
        var jobs = jdbc.sql("""
                SELECT d.act_id_, j.duedate_, j.lock_owner_, j.lock_exp_time_, j.retries_, j.exception_msg_
                FROM act_ru_job j LEFT JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ WHERE j.process_instance_id_ = ?""")
                .param(process).query().listOfRows();
        var deliveries = jdbc.sql("""
                SELECT n.type, d.channel, d.status, d.attempts, d.failure_reason, d.created_at, d.delivered_at
                FROM notice n JOIN notice_delivery d ON d.notice_id = n.id WHERE n.partner_id = ? ORDER BY d.id""")
                .param(partner).query().listOfRows();
        long dueAhead = jdbc.sql("SELECT count(*) FROM act_ru_job WHERE duedate_ <= now() AND retries_ > 0 AND suspension_state_ = 1")
                .query(Long.class).single();
        return "the order's jobs " + jobs + ", the partner's deliveries " + deliveries + ", due jobs in the database "
                + dueAhead + " at " + java.time.Instant.now();
    }
}
