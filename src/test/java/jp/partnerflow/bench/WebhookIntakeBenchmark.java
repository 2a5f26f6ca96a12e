package jp.partnerflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.linecorp.bot.parser.LineSignatureValidator;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Webhooks;

/**
 * Webhook intake under load: signed postbacks at a fixed rate from concurrent clients against
 * {@code POST /line/webhook}, next to a bare endpoint of the same service that only checks the
 * signature. Not part of the default test run:
 * {@code mvn -B test -Dtest=WebhookIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints a table and writes target/bench/webhook-intake.json.
 */
@Import(WebhookIntakeBenchmark.BareEndpoint.class)
class WebhookIntakeBenchmark extends FeatureTest {
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @TestConfiguration
    @RestController
    static class BareEndpoint {
        private final LineSignatureValidator validator =
                new LineSignatureValidator(CHANNEL_SECRET.getBytes(StandardCharsets.UTF_8));

        @PostMapping("/bench/bare-webhook")
        ResponseEntity<Void> bare(@RequestHeader("x-line-signature") String signature, @RequestBody byte[] body) {
            return validator.validateSignature(body, signature) ? ResponseEntity.ok().build()
                    : ResponseEntity.status(401).build();
        }

        @Bean
        @Order(0)
        SecurityFilterChain benchEndpoint(HttpSecurity http) throws Exception {
            return http.securityMatcher("/bench/**").authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable()).build();
        }
    }

    record Round(double requestsPerSecond, double p50Millis, double p99Millis, int errors) {
    }

    @Test
    void webhookIntakeNextToTheBareEndpoint() throws Exception {
        String user = Api.newLineUserId();
        long order = api.order(api.partner(api.company(true), user));
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();

        run(client, "/bench/bare-webhook", user, order, 2); // warm-up
        run(client, "/line/webhook", user, order, 2);
        List<Round> bare = new ArrayList<>();
        List<Round> webhook = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            bare.add(run(client, "/bench/bare-webhook", user, order, SECONDS));
            webhook.add(run(client, "/line/webhook", user, order, SECONDS));
        }

        String table = String.format(Locale.ROOT, """
                webhook intake, %d req/s offered for %d s, median of %d rounds
                | figure                 | /line/webhook | bare endpoint | unit  |
                |------------------------|---------------|---------------|-------|
                | requests/s             | %13.1f | %13.1f | req/s |
                | p50 latency            | %13.2f | %13.2f | ms    |
                | p99 latency            | %13.2f | %13.2f | ms    |
                | errors                 | %13d | %13d | count |
                """, RATE, SECONDS, ROUNDS,
                median(webhook, Round::requestsPerSecond), median(bare, Round::requestsPerSecond),
                median(webhook, Round::p50Millis), median(bare, Round::p50Millis),
                median(webhook, Round::p99Millis), median(bare, Round::p99Millis),
                webhook.stream().mapToInt(Round::errors).sum(), bare.stream().mapToInt(Round::errors).sum());
        System.out.println(table);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/webhook-intake.json"), String.format(Locale.ROOT,
                "{\"rate\":%d,\"seconds\":%d,\"rounds\":%d,\"webhook\":{\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f},"
                        + "\"bare\":{\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f}}%n",
                RATE, SECONDS, ROUNDS, median(webhook, Round::requestsPerSecond), median(webhook, Round::p50Millis),
                median(webhook, Round::p99Millis), median(bare, Round::requestsPerSecond),
                median(bare, Round::p50Millis), median(bare, Round::p99Millis)));
    }

    private Round run(HttpClient client, String path, String user, long order, int seconds) throws Exception {
        int total = RATE * seconds;
        long intervalNanos = 1_000_000_000L / RATE;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> calls = Collections.synchronizedList(new ArrayList<>());
        int[] errors = { 0 };
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            String body = Webhooks.postback(Webhooks.newEventId(), user, "action=approve-order&order=" + order);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").header("x-line-signature", sign(body, CHANNEL_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            pacer.schedule(() -> {
                long sent = System.nanoTime();
                calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    latencies.add(System.nanoTime() - sent);
                    if (e != null || r.statusCode() != 200) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                    }
                }));
            }, i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        pacer.shutdown();
        pacer.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Round(total / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99), errors[0]);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }
}
