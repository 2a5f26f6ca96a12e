package jp.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.linecorp.bot.parser.LineSignatureValidator;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.CpuTime;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineSink;
import jp.partnerflow.support.Webhooks;

/**
 * Webhook intake under load: signed postbacks at a fixed rate from concurrent clients against
 * {@code POST /line/webhook}, next to two baselines in the same service and run: a bare endpoint
 * that only checks the signature, and one that also commits one insert (the floor that storing an
 * event before answering puts under any webhook). Not part of the default test run:
 * {@code mvn -B test -Dtest=WebhookIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints a table and writes target/bench/webhook-intake.json.
 */
// closed after the benchmark: its job executor and senders take no part in the next one
@DirtiesContext
@Import({ WebhookIntakeBenchmark.Baselines.class, WebhookIntakeBenchmark.LineAtTheSink.class })
class WebhookIntakeBenchmark extends FeatureTest {
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);
    /** Untimed rounds first: the webhook's CPU per request kept falling for about eight rounds of ten seconds (JIT). */
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 6);
    /** Concurrent clients, as LINE's platform opens several connections at once. */
    private static final int CLIENTS = 32;

    /** LINE of this benchmark's service: a fake that only counts (see {@link LineSink}). */
    static final LineSink LINE_SINK = new LineSink();

    private static final String WEBHOOK = "/line/webhook";
    private static final String BARE = "/bench/bare-webhook";
    private static final String DURABLE = "/bench/durable-webhook";

    /** The baselines: the signature check alone, and the signature check plus one committed insert. */
    @TestConfiguration
    @RestController
    static class Baselines {
        private final LineSignatureValidator validator =
                new LineSignatureValidator(CHANNEL_SECRET.getBytes(StandardCharsets.UTF_8));
        private final JdbcClient jdbc;

        Baselines(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("CREATE TABLE IF NOT EXISTS bench_received (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)").update();
        }

        @PostMapping(BARE)
        ResponseEntity<Void> bare(@RequestHeader("x-line-signature") String signature, @RequestBody byte[] body) {
            return validator.validateSignature(body, signature) ? ResponseEntity.ok().build()
                    : ResponseEntity.status(401).build();
        }

        @PostMapping(DURABLE)
        ResponseEntity<Void> durable(@RequestHeader("x-line-signature") String signature, @RequestBody byte[] body) {
            if (!validator.validateSignature(body, signature)) {
                return ResponseEntity.status(401).build();
            }
            jdbc.sql("INSERT INTO bench_received (body) VALUES (:body)")
                    .param("body", new String(body, StandardCharsets.UTF_8)).update();
            return ResponseEntity.ok().build();
        }

        @Bean
        @Order(0)
        SecurityFilterChain benchEndpoints(HttpSecurity http) throws Exception {
            return http.securityMatcher("/bench/**").authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable()).build();
        }
    }

    /** The service's LINE is the sink (a registrar's property wins over the feature tests' own). Nested: in test support, the feature tests' scan would pick it up. */
    @TestConfiguration
    static class LineAtTheSink {
        @Bean
        DynamicPropertyRegistrar lineSink() {
            return registry -> registry.add("partnerflow.line.api-base-url", LINE_SINK::baseUrl);
        }
    }

    /** One round of one endpoint; CPU per request counts until the round's events are processed (JVM: service and load client). */
    record Round(double requestsPerSecond, double p50Millis, double p99Millis, int errors, double jvmCpuMillis,
            double databaseCpuMillis) {
    }

    @Test
    void webhookIntakeNextToItsBaselines() throws Exception {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        HttpClient client = HttpClient.newHttpClient();
        List<String> endpoints = List.of(System.getProperty("bench.endpoints", BARE + "," + DURABLE + "," + WEBHOOK).split(","));

        for (int i = 0; i < WARM_UP; i++) {
            for (String endpoint : endpoints) {
                run(client, endpoint, user, order, SECONDS);
            }
        }
        Map<String, List<Round>> rounds = new LinkedHashMap<>();
        for (int i = 0; i < ROUNDS; i++) {
            for (String endpoint : endpoints) {
                rounds.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(run(client, endpoint, user, order, SECONDS));
            }
        }
        // every postback to the webhook answered once (the final confirmation), warm-up included
        long webhookCalls = endpoints.contains(WEBHOOK) ? ((long) WARM_UP + ROUNDS) * RATE * SECONDS : 0;
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> LINE_SINK.replies() >= webhookCalls);
        assertThat(LINE_SINK.replies()).isEqualTo(webhookCalls);

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """
                webhook intake, %d req/s offered for %d s, median of %d rounds
                | endpoint                                | requests/s | p50 ms | p99 ms | errors | CPU/request: JVM, PostgreSQL ms |
                |-----------------------------------------|------------|--------|--------|--------|---------------------------------|
                """, RATE, SECONDS, ROUNDS));
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
                "{\"rate\":%d,\"seconds\":%d,\"rounds\":%d", RATE, SECONDS, ROUNDS));
        Map<String, String> names = Map.of(WEBHOOK, "/line/webhook", BARE, "bare: signature only", DURABLE,
                "durable: signature + committed insert");
        rounds.forEach((endpoint, list) -> {
            table.append(String.format(Locale.ROOT, "| %-39s | %10.1f | %6.2f | %6.2f | %6d | %14.2f, %14.2f |%n",
                    names.get(endpoint), median(list, Round::requestsPerSecond), median(list, Round::p50Millis),
                    median(list, Round::p99Millis), list.stream().mapToInt(Round::errors).sum(),
                    median(list, Round::jvmCpuMillis), median(list, Round::databaseCpuMillis)));
            json.append(String.format(Locale.ROOT,
                    ",\"%s\":{\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"jvm_cpu_ms\":%.3f,\"db_cpu_ms\":%.3f}",
                    endpoint, median(list, Round::requestsPerSecond), median(list, Round::p50Millis),
                    median(list, Round::p99Millis), median(list, Round::jvmCpuMillis),
                    median(list, Round::databaseCpuMillis)));
        });
        System.out.println(table);
        rounds.forEach((endpoint, list) -> System.out.println("rounds " + endpoint + ": " + list));
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/webhook-intake.json"), json.append("}\n"));
    }

    /**
     * Offers RATE requests per second for the given time. Each request is sent by a blocking
     * client thread, and its latency counts from the moment it was due, so a stalled server is not
     * hidden by requests that were sent late.
     */
    private Round run(HttpClient client, String path, String user, long order, int seconds) throws Exception {
        int total = RATE * seconds;
        long intervalNanos = 1_000_000_000L / RATE;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        long jvmCpu = CpuTime.service();
        long databaseCpu = CpuTime.database();
        long start = System.nanoTime();
        URI uri = URI.create("http://localhost:" + port + path);
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            pacer.schedule(() -> senders.execute(() -> {
                // built when due, so that thousands of waiting requests do not weigh on the heap
                String body = Webhooks.postback(Webhooks.newEventId(), user, "action=approve-order&order=" + order);
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header("x-line-signature", sign(body, CHANNEL_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                try {
                    if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - due);
            }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        awaitProcessed(); // so the next round does not share the CPU with this round's backlog
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double databaseCpuMillis = databaseCpu < 0 ? Double.NaN : (CpuTime.database() - databaseCpu) / 1e6 / total;
        return new Round(total / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get(),
                (CpuTime.service() - jvmCpu) / 1e6 / total, databaseCpuMillis);
    }

    private void awaitProcessed() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT count(*) FROM line_webhook_event WHERE status = 'RECEIVED'")
                        .query(Long.class).single() == 0);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }
}
