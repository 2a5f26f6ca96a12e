package jp.partnerflow.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import jp.partnerflow.billing.BillingMonthProcess;
import jp.partnerflow.support.Api;
import jp.partnerflow.support.Bulk;
import jp.partnerflow.support.Nodes;
import jp.partnerflow.support.TestDatabase;

/**
 * Two-node speed-up: N month-end reminders falling due at once, done by one node, and by two nodes on
 * one database, alternately in the same run (each setup on a database of its own, both kept running;
 * LINE faked in this JVM). Median of {@code -Dbench.rounds} rounds (default 3) after a warm-up round;
 * {@code -Dbench.reminders=N} (default 2,000). Writes target/bench/two-nodes.json.
 */
class TwoNodeSpeedUpBenchmark {
    private static final int N = Integer.getInteger("bench.reminders", 2000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final WireMockServer LINE = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32)
            .disableRequestJournal());

    @Test
    void monthEndRemindersOnTwoNodesNextToOne() throws Exception {
        LINE.start();
        LINE.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"sentMessages\":[{\"id\":\"1\"}]}")));
        TestDatabase.Connection single = TestDatabase.another("one_node");
        TestDatabase.Connection shared = TestDatabase.another("two_nodes");
        try (ConfigurableApplicationContext alone = node(single, "alone");
                ConfigurableApplicationContext a = node(shared, "nodeA");
                ConfigurableApplicationContext b = node(shared, "nodeB")) {
            List<ConfigurableApplicationContext> one = List.of(alone);
            List<ConfigurableApplicationContext> two = List.of(a, b);
            round(one, N / 5);
            round(two, N / 5);
            List<Double> oneNode = new ArrayList<>();
            List<Double> twoNodes = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                oneNode.add(round(one, N));
                twoNodes.add(round(two, N));
            }
            double o = median(oneNode);
            double t = median(twoNodes);
            System.out.printf(Locale.ROOT, """
                    two-node speed-up, N = %d month-end reminders, median of %d rounds (%d cores on this machine)
                    | figure                 | two nodes | one node | unit |
                    |------------------------|-----------|----------|------|
                    | reminders per second   | %9.1f | %8.1f | /s   |
                    | speed-up               | %9.2f |          | ×    |
                    rounds one node: %s, two nodes: %s
                    %n""", N, ROUNDS, Runtime.getRuntime().availableProcessors(), t, o, t / o, oneNode, twoNodes);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/two-nodes.json"), String.format(Locale.ROOT,
                    "{\"n\":%d,\"rounds\":%d,\"one_node_per_second\":%.1f,\"two_nodes_per_second\":%.1f,\"speed_up\":%.2f}%n",
                    N, ROUNDS, o, t, t / o));
        } finally {
            LINE.stop();
            TestDatabase.drop(single);
            TestDatabase.drop(shared);
        }
    }

    /** n billing months started over the nodes, their reminders due at once: reminders per second until all are pushed. */
    private static double round(List<ConfigurableApplicationContext> nodes, int n) throws InterruptedException {
        JdbcClient jdbc = nodes.get(0).getBean(JdbcClient.class);
        long company = api(nodes.get(0)).company(true);
        List<Long> orders = Bulk.approvedOrders(jdbc, company, n);
        for (int i = 0; i < orders.size(); i++) {
            nodes.get(i % nodes.size()).getBean(RuntimeService.class).startProcessInstanceByKey(BillingMonthProcess.ID,
                    "speed-" + orders.get(i), Map.of(BillingMonthProcess.ORDER_ID, orders.get(i),
                            BillingMonthProcess.BILLING_MONTH, "2027-01"));
        }
        long before = delivered(jdbc);
        long start = System.nanoTime();
        assertThat(jdbc.sql("""
                UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second'
                WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = 'Timer_DayAfterClosing')
                  AND duedate_ > now()""").update()).isEqualTo(n);
        while (delivered(jdbc) < before + n) {
            Thread.sleep(100);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MINUTES.toNanos(15));
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * LINE deliveries so far (only reminders are sent while a round is timed). No join: polled ten
     * times a second, a join to the growing notice table costs the database more than the reminders.
     */
    private static long delivered(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM notice_delivery WHERE channel = 'LINE' AND status = 'DELIVERED'")
                .query(Long.class).single();
    }

    private static ConfigurableApplicationContext node(TestDatabase.Connection db, String name) {
        return Nodes.start(db, name, LINE.baseUrl());
    }

    private static Api api(ConfigurableApplicationContext node) {
        return Nodes.api(node);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
