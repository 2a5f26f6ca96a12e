package jp.partnerflow.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import jp.partnerflow.PartnerflowApplication;
import jp.partnerflow.billing.BillingMonthProcess;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.ChildJvm;
import jp.partnerflow.support.Bulk;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Nodes;
import jp.partnerflow.support.TestDatabase;

/**
 * kill -9 of one node while month-end reminders are being sent: node B runs in a JVM of its own and
 * is killed (SIGKILL) once a quarter of the reminders are out; node A finishes the rest — the jobs B
 * had locked once their lock expires, the deliveries B held once PostgreSQL drops its transaction.
 * Every reminder reaches the partner once: the fake LINE applies LINE's retry-key rule, so a push B
 * made without recording it, repeated by A, is a 409 and delivers nothing twice.
 */
@Tag("slow")
class NodeKilledTest {
    private static final int N = Integer.getInteger("cluster.killed.n", 1000);
    private static final LineRetryKeys RETRY_KEYS = new LineRetryKeys();
    private static final WireMockServer LINE = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32)
            .extensions(RETRY_KEYS));

    @Test
    void theOtherNodeFinishesAndEveryReminderIsDeliveredOnce() throws Exception {
        LINE.start();
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[{\"id\":\"1\"}]}")
                .withTransformers(RETRY_KEYS.getName())));
        TestDatabase.Connection db = TestDatabase.another("killed");
        Process b = null;
        try (ConfigurableApplicationContext a = new SpringApplicationBuilder(PartnerflowApplication.class)
                .run(args(db, "nodeA", 0))) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            int portB = Nodes.freePort();
            List<String> command = new ArrayList<>(List.of(ChildJvm.java(),
                    "-Xmx768m", "-cp", ChildJvm.classpath(), PartnerflowApplication.class.getName()));
            command.addAll(List.of(args(db, "nodeB", portB)));
            b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File("target/node-b.log")).start();
            Api nodeB = new Api(portB, FeatureTest.STAFF_USER, FeatureTest.STAFF_PASSWORD);
            await().atMost(Duration.ofMinutes(2)).ignoreExceptions()
                    .until(() -> nodeB.anonymous().get("/actuator/health").status() == 200);

            Api nodeA = Nodes.api(a);
            List<Long> orders = Bulk.approvedOrders(jdbc, nodeA.company(true), N);
            RuntimeService runtime = a.getBean(RuntimeService.class);
            for (Long order : orders) {
                runtime.startProcessInstanceByKey(BillingMonthProcess.ID, "killed-" + order,
                        Map.of(BillingMonthProcess.ORDER_ID, order, BillingMonthProcess.BILLING_MONTH, "2027-01"));
            }
            assertThat(jdbc.sql("""
                    UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second'
                    WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_DayAfterClosing')""")
                    .update()).isEqualTo(N);

            // both nodes at work, a quarter out: kill -9 node B
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                    "SELECT COUNT(DISTINCT lock_owner_) FROM act_ru_job WHERE lock_owner_ IS NOT NULL").query(Long.class)
                    .single() >= 2);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> delivered(jdbc) >= N / 4);
            b.destroyForcibly();
            b.waitFor();
            long atKill = delivered(jdbc);

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> delivered(jdbc) >= N);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE type = 'INVOICE_REMINDER'").query(Long.class).single())
                    .as("one reminder per month, none written twice").isEqualTo(N);
            Thread.sleep(3000); // a second delivery would come within this
            assertThat(RETRY_KEYS.delivered()).as("pushes LINE accepted (delivered to a partner)").isEqualTo(N);
            System.out.printf("kill -9: %d of %d reminders delivered when node B was killed; node A finished; "
                    + "%d pushes repeated under an accepted retry key (409, nothing delivered twice)%n",
                    atKill, N, RETRY_KEYS.duplicates());
        } finally {
            if (b != null && b.isAlive()) {
                b.destroyForcibly();
            }
            LINE.stop();
            TestDatabase.drop(db);
        }
    }

    private static long delivered(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id
                WHERE n.type = 'INVOICE_REMINDER' AND d.channel = 'LINE' AND d.status = 'DELIVERED'""")
                .query(Long.class).single();
    }

    /** A node's settings: jobs a dead node locked are taken over after 10 s (default 5 min). */
    private static String[] args(TestDatabase.Connection db, String name, int port) {
        return Nodes.args(db, name, port, LINE.baseUrl(), "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--partnerflow.notification.sweep-after=PT5S", "--partnerflow.notification.sweep-interval=PT1S",
                "--partnerflow.notification.retry-cycle=PT1S,PT1S,PT1S");
    }
}
