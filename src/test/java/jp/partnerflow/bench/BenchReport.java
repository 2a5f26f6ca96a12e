package jp.partnerflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The last step of the bench command: one table of every figure the benchmarks of this run wrote to
 * target/bench/, each next to its same-run baseline (a figure not measured says so), printed and
 * written to target/bench/summary.md for docs/performance.md.
 */
@Order(Integer.MAX_VALUE)
class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("target/bench");

    @Test
    void printTheTable() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("| figure | partnerflow | baseline (same run) | unit |");
        rows.add("|---|---|---|---|");
        JsonNode webhook = read("webhook-intake.json");
        if (webhook != null) {
            JsonNode service = webhook.get("/line/webhook");
            JsonNode bare = webhook.get("/bench/bare-webhook");
            rows.add(row("webhook intake: requests/s at %d offered".formatted(webhook.get("rate").asInt()),
                    service.get("rps").asDouble(), bare.get("rps").asDouble(), "/s (bare: signature check only)"));
            rows.add(row("webhook intake: p50", service.get("p50_ms").asDouble(), bare.get("p50_ms").asDouble(), "ms"));
            rows.add(row("webhook intake: p99", service.get("p99_ms").asDouble(), bare.get("p99_ms").asDouble(), "ms"));
            JsonNode durable = webhook.get("/bench/durable-webhook");
            rows.add(row("webhook intake: p99 next to a committed insert", service.get("p99_ms").asDouble(),
                    durable.get("p99_ms").asDouble(), "ms (baseline: signature check + one committed insert)"));
            rows.add(row("webhook intake: CPU per request, JVM", service.get("jvm_cpu_ms").asDouble(),
                    bare.get("jvm_cpu_ms").asDouble(), "ms (service and load client; webhook incl. the processing)"));
        } else {
            rows.add(missing("webhook intake", "WebhookIntakeBenchmark"));
        }
        JsonNode fanOut = read("month-end-fan-out.json");
        if (fanOut != null) {
            rows.add(row("month-end fan-out: reminders/s, N = %d".formatted(fanOut.get("n").asInt()),
                    fanOut.get("reminders").get("per_second").asDouble(), fanOut.get("bare").get("per_second").asDouble(),
                    "/s (bare: engine timers doing nothing)"));
            JsonNode cpu = fanOut.get("cpu_ms_per_item");
            rows.add(row("month-end fan-out: CPU per reminder, service JVM", cpu.get("reminders").get("service").asDouble(),
                    cpu.get("bare").get("service").asDouble(), "ms (bare: per timer)"));
            rows.add(row("month-end fan-out: CPU per reminder, PostgreSQL", cpu.get("reminders").get("database").asDouble(),
                    cpu.get("bare").get("database").asDouble(), "ms (bare: per timer)"));
        } else {
            rows.add(missing("month-end fan-out", "MonthEndFanOutBenchmark"));
        }
        JsonNode cycle = read("order-to-paid.json");
        if (cycle != null) {
            rows.add(row("order-to-paid cycles through the API", cycle.get("cycles_per_second").asDouble(),
                    cycle.get("baseline_per_second").asDouble(), "/s (baseline: " + cycle.get("baseline").asText() + ")"));
        } else {
            rows.add(missing("order-to-paid cycle", "OrderToPaidBenchmark"));
        }
        JsonNode nodes = read("two-nodes.json");
        if (nodes != null) {
            rows.add(row("two nodes: month-end reminders/s", nodes.get("two_nodes_per_second").asDouble(),
                    nodes.get("one_node_per_second").asDouble(), "/s (baseline: one node)"));
        } else {
            rows.add(missing("two-node speed-up", "TwoNodeSpeedUpBenchmark"));
        }
        JsonNode startup = read("startup.json");
        if (startup != null) {
            rows.add(row("start-up until health answers", startup.get("service").get("seconds").asDouble(),
                    startup.get("bare").get("seconds").asDouble(), "s (baseline: bare Spring Boot web app)"));
            rows.add(row("heap in use at rest", startup.get("service").get("heap_mb").asDouble(),
                    startup.get("bare").get("heap_mb").asDouble(), "MB"));
        } else {
            rows.add(missing("start-up and heap at rest", "StartupBenchmark"));
        }
        JsonNode meisai = read("meisai-issuance.json");
        if (meisai != null) {
            rows.add(row("楽楽明細: %d notices through one timer run".formatted(meisai.get("n").asInt()),
                    meisai.get("run").get("seconds").asDouble(), meisai.get("direct").get("seconds").asDouble(),
                    "s (baseline: one CSV built and sent directly)"));
        }
        String table = String.join("\n", rows) + "\n";
        System.out.println("\nbench, " + java.time.LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + "\n" + table);
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("summary.md"), table);
    }

    /** A figure of this run only: written since this JVM started. */
    private static JsonNode read(String file) throws IOException {
        Path path = DIR.resolve(file);
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        return Files.exists(path) && Files.getLastModifiedTime(path).toMillis() >= started ? JSON.readTree(path.toFile())
                : null;
    }

    private static String row(String figure, double value, double baseline, String unit) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |", figure, value, baseline, unit);
    }

    private static String missing(String figure, String benchmark) {
        return "| " + figure + " | not measured in this run (" + benchmark + ") | | |";
    }
}
