package jp.partnerflow.meisai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;

import jp.partnerflow.meisai.MeisaiSettings.MeisaiImportMethod;
import jp.partnerflow.support.FeatureTest;

/**
 * 10,000 approved payment notices issued through one timer run to a local fake 楽楽明細, on
 * PostgreSQL: requests sent, time from the timer firing until the run is complete (records updated),
 * peak heap; next to the same notices built directly as one CSV and sent in one request, in the same
 * round. Median of several rounds. Not part of the default test run:
 * {@code mvn -B test -Dtest=MeisaiIssuanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.notices=N}, default 10,000; {@code -Dbench.rounds=R}, default 3). Prints a table and
 * writes target/bench/meisai-issuance.json.
 */
// closed after the benchmark: its job executor and senders take no part in the next one
@DirtiesContext
class MeisaiIssuanceBenchmark extends FeatureTest {
    private static final int N = Integer.getInteger("bench.notices", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final WireMockServer MEISAI = new WireMockServer(wireMockConfig().dynamicPort()
            .containerThreads(8).disableRequestJournal());

    static {
        MEISAI.start();
    }

    @Autowired
    ManagementService management;
    @Autowired
    MeisaiRunRecords records;
    @Autowired
    MeisaiDocumentFiles documentFiles;
    @Autowired
    MeisaiImports imports;
    @Autowired
    MeisaiConnections connections;
    @Autowired
    org.springframework.core.env.Environment env;

    record Round(double seconds, long peakHeapMb, long requests) {
    }

    @Test
    void tenThousandNoticesThroughOneTimerRunNextToOneCsvBuiltDirectly() throws Exception {
        AtomicLong requests = new AtomicLong();
        MEISAI.addMockServiceRequestListener((request, response) -> requests.incrementAndGet());
        MEISAI.stubFor(post(urlEqualTo("/acme/api/v1/reports/imports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"importId\":\"R-1\",\"status\":\"accepted\",\"code\":\"0\"}")));
        MEISAI.stubFor(get(urlMatching("/acme/api/v1/reports/imports/.*/state")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"processStatus\":\"complete\"}")));

        List<Round> runs = new ArrayList<>();
        List<Round> direct = new ArrayList<>();
        runRound(Math.max(200, N / 10), requests); // warm-up of both paths
        for (int r = 0; r < ROUNDS; r++) {
            Round[] round = runRound(N, requests);
            runs.add(round[0]);
            direct.add(round[1]);
        }

        Round run = median(runs);
        Round csv = median(direct);
        String table = String.format(Locale.ROOT, """
                楽楽明細 issuance, N = %d notices, median of %d rounds (poll interval %s)
                | figure                 | one timer run | one CSV built directly | unit     |
                |------------------------|---------------|------------------------|----------|
                | time                   | %13.2f | %22.2f | s        |
                | notices per second     | %13.0f | %22.0f | /s       |
                | requests to 楽楽明細     | %13d | %22d | count    |
                | peak heap              | %13d | %22d | MB       |
                """, N, ROUNDS, env.getProperty("partnerflow.poll-override"), run.seconds(), csv.seconds(),
                N / run.seconds(), N / csv.seconds(), run.requests(), csv.requests(), run.peakHeapMb(), csv.peakHeapMb());
        System.out.println(table);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/meisai-issuance.json"), String.format(Locale.ROOT,
                "{\"n\":%d,\"rounds\":%d,\"run\":{\"seconds\":%.2f,\"requests\":%d,\"peak_heap_mb\":%d},"
                        + "\"direct\":{\"seconds\":%.2f,\"requests\":%d,\"peak_heap_mb\":%d}}%n",
                N, ROUNDS, run.seconds(), run.requests(), run.peakHeapMb(), csv.seconds(), csv.requests(), csv.peakHeapMb()));
    }

    /** One timer run over n fresh notices, then the same n notices as one CSV sent directly. */
    private Round[] runRound(int n, AtomicLong requests) throws Exception {
        long company = api.company(true);
        approvedNoticesInBulk(company, n);
        long connection = api.post("/api/meisai/connections", """
                {"companyId":%d,"name":"ベンチ","url":"https://rb101.eco-serv.jp/acme/","apiToken":"bench-token",
                 "dataKind":"DOCUMENT_CSV","reportMail":"OFF","reportTypeId":1,"importMethod":"NEW","issueOnApproval":false,
                 "recordUpdates":[{"field":"MEISAI_STATUS","fieldType":"SINGLE_CHOICE","value":"連携済"},
                                  {"field":"MEISAI_ISSUED_AT","fieldType":"DATE_TIME","value":"now"}]}""".formatted(company)).id();
        jdbc.sql("UPDATE meisai_connection SET url = ? WHERE id = ?").params(MEISAI.baseUrl() + "/acme/", connection).update();
        long list = api.post("/api/meisai/record-lists", """
                {"companyId":%d,"name":"今月承認・未発行","approvedIn":"THIS_MONTH"}""".formatted(company)).id();
        assertThat(api.put("/api/meisai/connections/" + connection + "/timer", """
                {"recordListId":%d,"enabled":true,"priority":5,"schedule":"DAILY","timeOfDay":"03:00"}""".formatted(list))
                .status()).isEqualTo(200);
        jdbc.sql("UPDATE meisai_timer SET next_run_at = ? WHERE connection_id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), connection).update();

        Sampler sampler = new Sampler();
        long requestsBefore = requests.get();
        long start = System.nanoTime();
        management.executeJob(management.createJobQuery().processDefinitionKey(MeisaiRunProcess.TIMERS_ID).timers()
                .singleResult().getId());
        long runId = jdbc.sql("SELECT id FROM meisai_run WHERE connection_id = ?").param(connection).query(Long.class).single();
        while (!"COMPLETE".equals(jdbc.sql("SELECT state FROM meisai_run WHERE id = ?").param(runId).query(String.class).single())) {
            Thread.sleep(20);
            assertThat(System.nanoTime() - start).as("run still going after 10 min").isLessThan(TimeUnit.MINUTES.toNanos(10));
        }
        Round timed = new Round((System.nanoTime() - start) / 1e9, sampler.stop(), requests.get() - requestsBefore);
        assertThat(count("meisai_issue WHERE run_id = " + runId + " AND state = 'COMPLETE'")).isEqualTo(n);
        assertThat(count("payment_notice n JOIN partner p ON p.id = n.partner_id WHERE p.company_id = " + company
                + " AND n.meisai_status = '連携済'")).isEqualTo(n);

        sampler = new Sampler();
        requestsBefore = requests.get();
        start = System.nanoTime();
        MeisaiConnection settings = connections.get(connection);
        List<MeisaiDocument> documents = records.claimedDocuments(runId);
        List<MeisaiFile> files = new ArrayList<>();
        documentFiles.eachPart(settings.dataKind(), documents, (index, part) -> files.addAll(part.files()));
        imports.importDocuments(settings, MeisaiImportMethod.NEW, files, "direct");
        Round baseline = new Round((System.nanoTime() - start) / 1e9, sampler.stop(), requests.get() - requestsBefore);
        assertThat(documents).hasSize(n);
        return new Round[] { timed, baseline };
    }

    private static Round median(List<Round> rounds) {
        return new Round(median(rounds, Round::seconds), (long) median(rounds, r -> r.peakHeapMb()),
                (long) median(rounds, r -> r.requests()));
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        List<Double> sorted = rounds.stream().map(figure::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The peak heap in use while it runs, sampled every 50 ms. */
    private static final class Sampler {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Sampler() {
            System.gc();
            timer.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 50, TimeUnit.MILLISECONDS);
        }

        long stop() {
            timer.shutdownNow();
            return peak.get() / (1024 * 1024);
        }
    }
}
