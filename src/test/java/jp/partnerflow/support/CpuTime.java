package jp.partnerflow.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent so far, for benchmarks: on a shared machine a rate moves with what else runs, while
 * the CPU an item costs moves much less, and it tells whether the service or the database spent it.
 */
public final class CpuTime {
    /** Linux's USER_HZ, the unit of the times in /proc/[pid]/stat. */
    private static final double TICK_NANOS = 1e9 / 100;

    private CpuTime() {
    }

    /** CPU of this JVM (all its threads), in nanoseconds. */
    public static long service() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU of the PostgreSQL processes on this machine, in nanoseconds; -1 where they cannot be seen
     * (another machine, a container, no /proc).
     */
    public static long database() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long ticks = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuTime::postgresTicks).sum();
            return ticks > 0 ? (long) (ticks * TICK_NANOS) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a postgres process, 0 for any other (or one that has ended). */
    private static long postgresTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int nameEnd = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                return 0;
            }
            // the fields after the name start with state (field 3); utime and stime are fields 14 and 15
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
