package jp.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

import jp.partnerflow.billing.BillingMonthProcess;
import jp.partnerflow.support.Bulk;
import jp.partnerflow.support.CpuTime;
import jp.partnerflow.support.FeatureTest;
import jp.partnerflow.support.LineSink;
import jp.partnerflow.support.SmtpSink;

/**
 * Month-end fan-out: N open billing months whose day-after-closing reminder falls due at once, on
 * PostgreSQL with LINE and mail faked by sinks that only count, timed until every reminder has been
 * pushed and mailed; next to the bare engine firing N timers of a process that does nothing, in the
 * same run. Not part of the default test run:
 * {@code mvn -B test -Dtest=MonthEndFanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.months=N}, default 10,000; {@code -Dbench.rounds=R}, default 3, each round reminders then
 * bare, the median reported). A full untimed round of each comes first: the reminder path is long, and
 * with a shorter warm-up the JIT was still at work in the first timed rounds (they came out 25 % and
 * 40 % slower than the third). Prints a table, with the CPU each item cost the service and the
 * database, and writes target/bench/month-end-fan-out.json.
 */
// closed after the benchmark: its job executor and senders take no part in the next one
@DirtiesContext
class MonthEndFanOutBenchmark extends FeatureTest {
    private static final int N = Integer.getInteger("bench.months", 10_000);
    private static final int WARM_UP = N;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String MONTH = "2027-01";
    private static final String BARE = "bench-bare-timer";

    /** While timed, mail goes to a sink that only counts (see {@link SmtpSink}). */
    static final SmtpSink MAIL_SINK = new SmtpSink();
    /** LINE of this benchmark's service: a fake that only counts (see {@link LineSink}). */
    static final LineSink LINE_SINK = new LineSink();

    /** The service's LINE is the sink (a registrar's property wins over the feature tests' own). Nested: in test support, the feature tests' scan would pick it up. */
    @TestConfiguration
    static class LineAtTheSink {
        @Bean
        DynamicPropertyRegistrar lineSink() {
            return registry -> registry.add("partnerflow.line.api-base-url", LINE_SINK::baseUrl);
        }
    }

    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    Environment env;

    record Run(double seconds, double perSecond, long peakHeapMb, double commitsEach, double rowsWrittenEach,
            double serviceCpuMsEach, double databaseCpuMsEach) {
    }

    @Test
    void monthEndRemindersNextToTheBareEngine() throws Exception {
        int testMailServer = mailSender.getPort();
        mailSender.setPort(MAIL_SINK.port());
        try {
            measure();
        } finally {
            mailSender.setPort(testMailServer);
        }
    }

    private void measure() throws Exception {
        repository.createDeployment().addModelInstance(BARE + ".bpmn", Bpmn.createExecutableProcess(BARE)
                .camundaHistoryTimeToLive(1).startEvent().intermediateCatchEvent("Timer_Bare")
                .timerWithDate("2099-01-01T00:00:00Z").endEvent().done()).deploy();
        // warm-up: both paths compiled by the JIT before either is timed (the service runs all month)
        reminders(WARM_UP);
        bare(WARM_UP);

        List<Run> reminderRounds = new ArrayList<>();
        List<Run> bareRounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            LINE_SINK.reset();
            long mailsBefore = MAIL_SINK.messages();
            reminderRounds.add(reminders(N));
            long mails = MAIL_SINK.messages() - mailsBefore;
            // every reminder delivered exactly once, on LINE and by mail
            assertThat(LINE_SINK.pushes()).isEqualTo(N);
            assertThat(LINE_SINK.retryKeys()).isEqualTo(N);
            assertThat(mails).isEqualTo(N);
            bareRounds.add(bare(N));
        }
        Run reminders = median(reminderRounds);
        Run bare = median(bareRounds);

        String table = String.format(Locale.ROOT, """
                month-end fan-out, N = %d, median of %d rounds, job executor: %s threads, %s jobs per acquisition
                | figure                        | reminders to LINE | bare engine timers | unit   |
                |-------------------------------|-------------------|--------------------|--------|
                | time until all done           | %17.1f | %18.1f | s      |
                | rate                          | %17.1f | %18.1f | /s     |
                | peak heap                     | %17d | %18d | MB     |
                | database commits per item     | %17.1f | %18.1f | count  |
                | rows written per item         | %17.1f | %18.1f | count  |
                | CPU per item, service JVM     | %17.2f | %18.2f | ms     |
                | CPU per item, PostgreSQL      | %17.2f | %18.2f | ms     |
                | rate vs bare engine           | %17.0f |                    | %%      |
                every round: %d pushes with %d distinct retry keys and %d mails
                rates per round: reminders %s, bare %s
                """, N, ROUNDS, env.getProperty("camunda.bpm.job-execution.core-pool-size"),
                env.getProperty("camunda.bpm.job-execution.max-jobs-per-acquisition", "3"),
                reminders.seconds(), bare.seconds(), reminders.perSecond(), bare.perSecond(),
                reminders.peakHeapMb(), bare.peakHeapMb(), reminders.commitsEach(), bare.commitsEach(),
                reminders.rowsWrittenEach(), bare.rowsWrittenEach(), reminders.serviceCpuMsEach(),
                bare.serviceCpuMsEach(), reminders.databaseCpuMsEach(), bare.databaseCpuMsEach(),
                100 * reminders.perSecond() / bare.perSecond(),
                N, N, N, rates(reminderRounds), rates(bareRounds));
        System.out.println(table);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/month-end-fan-out.json"), String.format(Locale.ROOT,
                "{\"n\":%d,\"rounds\":%d,\"reminders\":{\"seconds\":%.1f,\"per_second\":%.1f,\"peak_heap_mb\":%d},"
                        + "\"bare\":{\"seconds\":%.1f,\"per_second\":%.1f,\"peak_heap_mb\":%d},"
                        + "\"cpu_ms_per_item\":{\"reminders\":{\"service\":%.2f,\"database\":%.2f},"
                + "\"bare\":{\"service\":%.2f,\"database\":%.2f}},"
                + "\"pushes\":%d,\"distinct_retry_keys\":%d}%n",
                N, ROUNDS, reminders.seconds(), reminders.perSecond(), reminders.peakHeapMb(), bare.seconds(),
                bare.perSecond(), bare.peakHeapMb(), reminders.serviceCpuMsEach(), reminders.databaseCpuMsEach(),
                bare.serviceCpuMsEach(), bare.databaseCpuMsEach(), N, N));
    }

    /** The round with the median rate. */
    private static Run median(List<Run> rounds) {
        List<Run> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Run::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private static String rates(List<Run> rounds) {
        return rounds.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.perSecond())).toList().toString();
    }

    /** n billing months whose day-after-closing reminder falls due at once, until all are pushed and mailed. */
    private Run reminders(int n) throws InterruptedException {
        List<Long> orders = approvedOrders(n);
        startAll(n, i -> runtime.startProcessInstanceByKey(BillingMonthProcess.ID, "bench-" + orders.get(i) + "-" + MONTH,
                Map.of(BillingMonthProcess.ORDER_ID, orders.get(i), BillingMonthProcess.BILLING_MONTH, MONTH)));
        long before = delivered();
        long mailsBefore = MAIL_SINK.messages();
        Run run = fire(n, "billing-month", "Timer_DayAfterClosing",
                () -> delivered() >= before + n && MAIL_SINK.messages() >= mailsBefore + n);
        closeTheMonths();
        return run;
    }

    /**
     * Untimed: ends the billing months and vacuums the job table, so that every round starts from the
     * same table. Their two-days-after timers would otherwise pile up round after round, and the
     * job acquisition, which scans the job table, would slow each round down more than the last.
     */
    private void closeTheMonths() {
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(BillingMonthProcess.ID).list()
                .stream().map(ProcessInstance::getId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            runtime.deleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 1000)), "benchmark round over",
                    true, true);
        }
        jdbc.sql("VACUUM ANALYZE act_ru_job").update();
    }

    /** n timers of a process that does nothing else, until all have fired. */
    private Run bare(int n) throws InterruptedException {
        startAll(n, i -> runtime.startProcessInstanceByKey(BARE));
        return fire(n, BARE, "Timer_Bare",
                () -> runtime.createProcessInstanceQuery().processDefinitionKey(BARE).count() == 0);
    }

    /** N approved orders of N partners linked to LINE, written in bulk. */
    private List<Long> approvedOrders(int n) {
        return Bulk.approvedOrders(jdbc, api.company(true), n);
    }

    private static void startAll(int n, java.util.function.IntConsumer start) throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        for (int i = 0; i < n; i++) {
            int index = i;
            starters.execute(() -> start.accept(index));
        }
        starters.shutdown();
        assertThat(starters.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
    }

    /** Makes every timer of the activity due now and times the job executor until done. */
    private Run fire(int n, String processKey, String timerActivity, BooleanSupplier done) throws InterruptedException {
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        // statistics of the freshly written rows, as autovacuum keeps them in a running service
        jdbc.sql("ANALYZE").update();
        long[] before = databaseWork();
        long serviceCpu = CpuTime.service();
        long databaseCpu = CpuTime.database();
        long start = System.nanoTime();
        int due = jdbc.sql("""
                UPDATE act_ru_job SET duedate_ = now() - INTERVAL '1 second'
                WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef WHERE act_id_ = :activity AND proc_def_key_ = :process)""")
                .param("activity", timerActivity).param("process", processKey).update();
        assertThat(due).isEqualTo(n);
        while (!done.getAsBoolean()) {
            Thread.sleep(200);
            assertThat(System.nanoTime() - start).as("still running after 30 min").isLessThan(TimeUnit.MINUTES.toNanos(30));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double serviceCpuMs = (CpuTime.service() - serviceCpu) / 1e6 / n;
        double databaseCpuMs = databaseCpu < 0 ? Double.NaN : (CpuTime.database() - databaseCpu) / 1e6 / n;
        sampler.shutdown();
        Thread.sleep(1500); // PostgreSQL publishes its counters with a delay
        long[] after = databaseWork();
        return new Run(seconds, n / seconds, peak.get() / (1024 * 1024), (after[0] - before[0]) / (double) n,
                (after[1] - before[1]) / (double) n, serviceCpuMs, databaseCpuMs);
    }

    /** Commits and rows inserted, updated or deleted in this database so far (pg_stat_database). */
    private long[] databaseWork() {
        return jdbc.sql("""
                SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database
                WHERE datname = current_database()""")
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    /**
     * LINE deliveries so far (only reminders are sent while one is timed). No join: polled five times a
     * second, a join to the growing notice table would cost the database more than the reminders.
     */
    private long delivered() {
        return jdbc.sql("SELECT count(*) FROM notice_delivery WHERE channel = 'LINE' AND status = 'DELIVERED'")
                .query(Long.class).single();
    }
}
