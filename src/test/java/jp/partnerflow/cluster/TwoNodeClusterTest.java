package jp.partnerflow.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jp.partnerflow.billing.BillingMonthProcess;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.Bulk;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Nodes;
import jp.partnerflow.support.TestDatabase;
import jp.partnerflow.support.Webhooks;

/**
 * Two nodes of the service on one PostgreSQL database (two application contexts in this JVM, each
 * with its own job executor, notice senders and webhook workers): the models are deployed once,
 * 1,000 month-end reminders fall due at once and 1,000 partners approve their orders on LINE with
 * the webhook calls spread over both nodes (some delivered twice, to the other node, as LINE
 * redelivers) — and every reminder is pushed once, every order approved once.
 */
@Tag("slow")
class TwoNodeClusterTest {
    private static final int N = Integer.getInteger("cluster.n", 1000);
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    /** Api.order's period: December 2026 to March 2027. */
    private static final int MONTHS_PER_ORDER = 4;
    private static final String SECRET = FeatureTest.CHANNEL_SECRET;
    private static final WireMockServer LINE = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));

    @Test
    void twoNodesDeployOnceAndDoEveryReminderAndEveryApprovalExactlyOnce() throws Exception {
        LINE.start();
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(json("{\"sentMessages\":[{\"id\":\"1\"}]}")));
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/reply")).willReturn(json("{\"sentMessages\":[]}")));
        TestDatabase.Connection db = TestDatabase.another("cluster");
        try (ConfigurableApplicationContext a = node(db, "nodeA"); ConfigurableApplicationContext b = node(db, "nodeB")) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            List<Api> nodes = List.of(api(a), api(b));

            // deployed once: every model in version 1, in one deployment
            assertThat(jdbc.sql("SELECT COUNT(*) FROM act_re_deployment").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT MAX(version_) FROM act_re_procdef").query(Integer.class).single()).isEqualTo(1);

            monthEndReminders(jdbc, a, b);
            approvalsOverBothNodes(jdbc, nodes);

            assertThat(jobsDone(a)).as("jobs node A did").isPositive();
            assertThat(jobsDone(b)).as("jobs node B did").isPositive();
        } finally {
            LINE.stop();
            TestDatabase.drop(db);
        }
    }

    /** N billing months, started on both nodes, whose day-after-closing reminder falls due at once. */
    private void monthEndReminders(JdbcClient jdbc, ConfigurableApplicationContext a, ConfigurableApplicationContext b) {
        long company = api(a).company(true);
        List<Long> orders = Bulk.approvedOrders(jdbc, company, N);
        List<RuntimeService> runtimes = List.of(a.getBean(RuntimeService.class), b.getBean(RuntimeService.class));
        for (int i = 0; i < orders.size(); i++) {
            runtimes.get(i % 2).startProcessInstanceByKey(BillingMonthProcess.ID, "cluster-" + orders.get(i),
                    Map.of(BillingMonthProcess.ORDER_ID, orders.get(i), BillingMonthProcess.BILLING_MONTH, "2027-01"));
        }
        int due = jdbc.sql("""
                UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second'
                WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_DayAfterClosing')""").update();
        assertThat(due).isEqualTo(N);

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM notice_delivery d JOIN notice n ON n.id = d.notice_id
                WHERE n.type = 'INVOICE_REMINDER' AND d.status = 'DELIVERED'""").query(Long.class).single() >= N);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE type = 'INVOICE_REMINDER'").query(Long.class).single())
                .as("one reminder notice per month").isEqualTo(N);
        List<LoggedRequest> pushes = pushes("請求書を作成してください");
        assertThat(pushes).as("pushes of reminders").hasSize(N);
        assertThat(pushes.stream().map(p -> p.getHeader("X-Line-Retry-Key")).distinct()).hasSize(N);
        assertThat(pushes.stream().map(p -> p.getBodyAsString().replaceAll("(?s).*\"to\":\"([^\"]+)\".*", "$1")).distinct())
                .as("one reminder per partner").hasSize(N);
    }

    /** N partners approve their orders on LINE; the webhook calls go to either node, some to both. */
    private void approvalsOverBothNodes(JdbcClient jdbc, List<Api> nodes) throws Exception {
        long company = nodes.get(0).company(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> issued = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                Api node = nodes.get(i % 2);
                issued.add(clients.submit(() -> {
                    String user = Api.newLineUserId();
                    long partner = node.partner(company, user);
                    return new long[] { partner, node.order(partner) };
                }));
            }
            List<long[]> orders = new ArrayList<>();
            for (Future<long[]> order : issued) {
                orders.add(order.get());
            }
            Map<Long, String> users = jdbc.sql("SELECT id, line_user_id FROM partner WHERE company_id = ?").param(company)
                    .query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

            List<Future<?>> taps = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                long[] order = orders.get(i);
                int index = i;
                taps.add(clients.submit(() -> {
                    String eventId = Webhooks.newEventId();
                    String body = Webhooks.postback(eventId, users.get(order[0]), "action=confirm-approve-order&order=" + order[1]);
                    String signature = FeatureTest.sign(body, SECRET);
                    assertThat(nodes.get(index % 2).webhook(body, signature).status()).isEqualTo(200);
                    if (index % 10 == 0) { // LINE redelivers now and then, here to the other node
                        assertThat(nodes.get((index + 1) % 2).webhook(body, signature).status()).isEqualTo(200);
                    }
                }));
            }
            for (Future<?> tap : taps) {
                tap.get();
            }
        } finally {
            clients.shutdown();
        }

        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM purchase_order o JOIN partner p ON p.id = o.partner_id
                WHERE p.company_id = ? AND o.status = 'APPROVED'""").param(company).query(Long.class).single() == N);
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM billing_month b JOIN purchase_order o ON o.id = b.purchase_order_id
                JOIN partner p ON p.id = o.partner_id WHERE p.company_id = ?""").param(company).query(Long.class).single()
                >= MONTHS_PER_ORDER * N);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM billing_month b JOIN purchase_order o ON o.id = b.purchase_order_id
                JOIN partner p ON p.id = o.partner_id WHERE p.company_id = ?""").param(company).query(Long.class).single())
                .as("each approved order opened each of its months once").isEqualTo(MONTHS_PER_ORDER * N);
        await().atMost(PATIENCE).until(() -> replies("を承認しました").size() >= N);
        Thread.sleep(2000); // a second approval would answer within this
        assertThat(replies("を承認しました")).as("one approval answer per order").hasSize(N);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM line_webhook_event WHERE status <> 'PROCESSED'").query(Long.class).single())
                .as("every webhook event processed").isZero();
    }

    private static List<LoggedRequest> pushes(String text) {
        return LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/push"))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).toList();
    }

    private static List<LoggedRequest> replies(String text) {
        return LINE.findAll(postRequestedFor(urlEqualTo("/v2/bot/message/reply"))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).toList();
    }

    private static long jobsDone(ConfigurableApplicationContext node) {
        return ((ProcessEngineConfigurationImpl) node.getBean(ProcessEngine.class).getProcessEngineConfiguration())
                .getMetricsRegistry().getDbMeterByName(Metrics.JOB_SUCCESSFUL).get();
    }

    private static ConfigurableApplicationContext node(TestDatabase.Connection db, String name) {
        return Nodes.start(db, name, LINE.baseUrl(), "--partnerflow.notification.sweep-after=PT5S",
                "--partnerflow.notification.sweep-interval=PT1S", "--partnerflow.notification.retry-cycle=PT1S,PT1S,PT1S");
    }

    private static Api api(ConfigurableApplicationContext node) {
        return Nodes.api(node);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
