package jp.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import baseline.BareWebApp;
import jp.partnerflow.PartnerflowApplication;
import jp.partnerflow.support.ChildJvm;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.Nodes;
import jp.partnerflow.support.TestDatabase;

/**
 * Start-up time and heap at rest of the service, each run in a JVM of its own (as it is started in
 * production), next to a bare Spring Boot web application started the same way in the same run:
 * from the process start until its health answers, and the heap in use after a full GC 5 s later.
 * The service starts on an existing database (its first start, which creates the schema, is timed
 * apart). Median of {@code -Dbench.starts} starts (default 3). Writes target/bench/startup.json.
 */
class StartupBenchmark {
    private static final int STARTS = Integer.getInteger("bench.starts", 3);
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    record Start(double seconds, long heapMb) {
    }

    @Test
    void startUpAndHeapAtRestNextToABareSpringBootApp() throws Exception {
        TestDatabase.Connection db = TestDatabase.another("startup");
        try {
            Start first = start(PartnerflowApplication.class, service(db));
            List<Start> service = new ArrayList<>();
            List<Start> bare = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                service.add(start(PartnerflowApplication.class, service(db)));
                bare.add(start(BareWebApp.class, List.of()));
            }
            Start s = median(service);
            Start b = median(bare);
            System.out.printf(Locale.ROOT, """
                    start-up and heap at rest, median of %d starts, each in its own JVM (-Xmx1g)
                    | figure                          | partnerflow | bare Spring Boot web app | unit |
                    |---------------------------------|-------------|--------------------------|------|
                    | start until health answers      | %11.1f | %24.1f | s    |
                    | heap in use at rest (after GC)  | %11d | %24d | MB   |
                    | first start (creates the schema)| %11.1f |                          | s    |
                    %n""", STARTS, s.seconds(), b.seconds(), s.heapMb(), b.heapMb(), first.seconds());
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/startup.json"), String.format(Locale.ROOT,
                    "{\"starts\":%d,\"service\":{\"seconds\":%.1f,\"heap_mb\":%d},\"bare\":{\"seconds\":%.1f,\"heap_mb\":%d},"
                            + "\"first_start_seconds\":%.1f}%n", STARTS, s.seconds(), s.heapMb(), b.seconds(), b.heapMb(),
                    first.seconds()));
        } finally {
            TestDatabase.drop(db);
        }
    }

    private static List<String> service(TestDatabase.Connection db) {
        return List.of("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--spring.profiles.active=production",
                "--camunda.bpm.admin-user.password=" + FeatureTest.STAFF_PASSWORD,
                "--partnerflow.secret-key=" + "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    private static Start start(Class<?> main, List<String> args) throws Exception {
        int port = Nodes.freePort();
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(),
                "-Xmx1g", "-cp", ChildJvm.classpath(), main.getName(), "--server.port=" + port));
        command.addAll(args);
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/bench-" + main.getSimpleName() + ".log")).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            while (true) {
                assertThat(process.isAlive()).as(main.getSimpleName() + " stopped; see target/bench-*.log").isTrue();
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            Thread.sleep(5_000);
            jcmd(process.pid(), "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(process.pid(), "GC.heap_info"));
            assertThat(used.find()).isTrue();
            return new Start(seconds, Long.parseLong(used.group(1)) / 1024);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private static Start median(List<Start> starts) {
        List<Double> seconds = starts.stream().map(Start::seconds).sorted().toList();
        List<Long> heap = starts.stream().map(Start::heapMb).sorted(Comparator.naturalOrder()).toList();
        return new Start(seconds.get(seconds.size() / 2), heap.get(heap.size() / 2));
    }
}
