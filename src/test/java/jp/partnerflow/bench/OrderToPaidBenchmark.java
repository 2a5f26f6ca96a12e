package jp.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.test.annotation.DirtiesContext;

import jp.partnerflow.support.Api;
import jp.partnerflow.support.FeatureTest;

/**
 * Whole order-to-paid cycles through the API, as the company, LINE and the partner drive them: the
 * order issued, approved on LINE (signed webhook), the partner's invoice created and sent, approved in
 * the review task (engine REST), the payment notice approved by the partner. {@code -Dbench.clients}
 * (default 4) clients run {@code -Dbench.cycles} cycles each (default 25), timed over all; median of 3
 * rounds after a warm-up round. Baseline in the same run: the same clients making the same number of
 * API requests per cycle as plain authenticated reads, expressed as cycles per second.
 */
// closed after the benchmark: its job executor and senders take no part in the next one
@DirtiesContext
class OrderToPaidBenchmark extends FeatureTest {
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int CYCLES = Integer.getInteger("bench.cycles", 25);
    private static final int ROUNDS = 3;

    record Round(double cyclesPerSecond, double requestsPerCycle, double baselinePerSecond) {
    }

    @Test
    void orderToPaidCyclesNextToPlainApiReads() throws Exception {
        long company = api.company(true);
        round(company, Math.max(2, CYCLES / 5));
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            rounds.add(round(company, CYCLES));
        }
        double cycles = median(rounds.stream().map(Round::cyclesPerSecond).toList());
        double requests = median(rounds.stream().map(Round::requestsPerCycle).toList());
        double baseline = median(rounds.stream().map(Round::baselinePerSecond).toList());
        System.out.printf(Locale.ROOT, """
                order-to-paid through the API, %d clients × %d cycles, median of %d rounds
                | figure                              | cycles | plain API reads, same requests | unit |
                |-------------------------------------|--------|--------------------------------|------|
                | per second                          | %6.2f | %30.2f | /s   |
                | API requests per cycle (incl. polls)| %6.1f |                                |      |
                rounds: %s
                %n""", CLIENTS, CYCLES, ROUNDS, cycles, baseline, requests, rounds);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/order-to-paid.json"), String.format(Locale.ROOT,
                "{\"clients\":%d,\"cycles\":%d,\"cycles_per_second\":%.2f,\"requests_per_cycle\":%.1f,"
                        + "\"baseline_per_second\":%.2f,\"baseline\":\"the same number of plain API reads\"}%n",
                CLIENTS, CYCLES, cycles, requests, baseline));
    }

    private Round round(long company, int cyclesPerClient) throws Exception {
        // partners and their tokens first: not part of a cycle
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < CLIENTS * cyclesPerClient; i++) {
            String user = Api.newLineUserId();
            long id = api.partner(company, user);
            partners.add(new Partner(id, user, api.asPartner(id)));
        }
        AtomicLong requests = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Partner> mine = partners.subList(c * cyclesPerClient, (c + 1) * cyclesPerClient);
            work.add(clients.submit(() -> {
                for (Partner partner : mine) {
                    cycle(partner, requests);
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int cycles = partners.size();
        double perCycle = requests.get() / (double) cycles;

        long order = jdbc.sql("SELECT o.id FROM purchase_order o JOIN partner p ON p.id = o.partner_id WHERE p.company_id = ? "
                + "LIMIT 1").param(company).query(Long.class).single();
        long reads = requests.get();
        long baselineStart = System.nanoTime();
        List<Future<?>> plain = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            plain.add(clients.submit(() -> {
                for (long r = 0; r < reads / CLIENTS; r++) {
                    assertThat(api.get("/api/orders/" + order).status()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> done : plain) {
            done.get();
        }
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        clients.shutdown();
        return new Round(cycles / seconds, perCycle, (reads / baselineSeconds) / perCycle);
    }

    private record Partner(long id, String lineUser, Api api) {
    }

    /** One cycle, each HTTP request counted (polls included). */
    private void cycle(Partner partner, AtomicLong requests) {
        long order = counted(requests, () -> api.post("/api/orders", """
                {"partnerId":%d,"title":"ベンチ保守","workContent":"月次保守","periodStart":"2026-12-01",
                 "periodEnd":"2026-12-31","fee":300000,"taxRate":"TEN_PERCENT"}""".formatted(partner.id()))).id();
        String body = jp.partnerflow.support.Webhooks.postback(jp.partnerflow.support.Webhooks.newEventId(),
                partner.lineUser(), "action=confirm-approve-order&order=" + order);
        assertThat(counted(requests, () -> api.webhook(body, sign(body, CHANNEL_SECRET))).status()).isEqualTo(200);
        // the month opens once the approval is through: until then the invoice is refused
        long invoice = poll(requests, () -> partner.api().post("/api/me/invoices",
                "{\"orderId\":%d,\"billingMonth\":\"2026-12\"}".formatted(order)), r -> r.status() == 201).id();
        assertThat(counted(requests, () -> partner.api().post("/api/me/invoices/" + invoice + "/submit",
                "{\"invoiceMonth\":\"2026-12\"}")).status()).isEqualTo(200);
        String process = jdbc.sql("SELECT process_instance_id FROM billing_month WHERE purchase_order_id = ?").param(order)
                .query(String.class).single();
        JsonNode task = poll(requests, () -> api.get("/engine-rest/task?processInstanceId=" + process),
                r -> r.json().size() == 1).json().get(0);
        assertThat(counted(requests, () -> api.post("/engine-rest/task/" + task.get("id").asText() + "/submit-form",
                "{\"variables\":{\"review\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}")).status()).isEqualTo(204);
        long notice = poll(requests, () -> api.get("/api/payment-notices?invoiceId=" + invoice),
                r -> r.status() == 200 && r.json().get("status").asText().equals("SENT")).json().get("id").asLong();
        assertThat(counted(requests, () -> partner.api().post("/api/me/payment-notices/" + notice + "/approve", ""))
                .status()).isEqualTo(200);
    }

    private static Api.Response counted(AtomicLong requests, Supplier<Api.Response> request) {
        requests.incrementAndGet();
        return request.get();
    }

    private static Api.Response poll(AtomicLong requests, Supplier<Api.Response> request, Predicate<Api.Response> done) {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Api.Response response = counted(requests, request);
            if (done.test(response)) {
                return response;
            }
            assertThat(System.nanoTime()).as("still waiting: " + response.text()).isLessThan(until);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
