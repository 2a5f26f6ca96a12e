package jp.partnerflow.meisai;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.partnerflow.meisai.MeisaiSettings.RunTrigger;
import jp.partnerflow.meisai.MeisaiSettings.Schedule;
import jp.partnerflow.platform.InvalidFieldException;
import jp.partnerflow.platform.NotFoundException;

/**
 * タイマー設定 and the timers' firing ({@code bpmn/meisai-timers.bpmn}): the timers due together are
 * opened as runs in the seed's order — higher priority first, equal priority → fewer records first —
 * and run one after another.
 */
@Service("meisaiTimers")
public class MeisaiTimers {
    static final int MIN_PRIORITY = 1;
    static final int MAX_PRIORITY = 99;

    private final MeisaiTimerRepository timers;
    private final MeisaiConnections connections;
    private final MeisaiRecordListRepository recordLists;
    private final MeisaiRuns runs;
    private final Clock clock;

    MeisaiTimers(MeisaiTimerRepository timers, MeisaiConnections connections, MeisaiRecordListRepository recordLists,
            MeisaiRuns runs, Clock clock) {
        this.timers = timers;
        this.connections = connections;
        this.recordLists = recordLists;
        this.runs = runs;
        this.clock = clock;
    }

    /** The form of a timer setting; fields that do not belong to the schedule are refused. */
    record TimerForm(Long recordListId, Boolean enabled, Integer priority, Schedule schedule, LocalDate runOn,
            DayOfWeek dayOfWeek, Integer dayOfMonth, LocalTime timeOfDay) {
    }

    @Transactional
    MeisaiTimer set(long connectionId, TimerForm form, String executor) {
        connections.get(connectionId);
        require(form.recordListId() != null, "recordListId", "must name the record list the timer runs over");
        runs.recordList(form.recordListId(), connectionId);
        require(form.enabled() != null, "enabled", "must be true or false");
        require(form.priority() != null && form.priority() >= MIN_PRIORITY && form.priority() <= MAX_PRIORITY, "priority",
                "must be " + MIN_PRIORITY + "–" + MAX_PRIORITY + " (higher runs first)");
        require(form.schedule() != null, "schedule", "must be ONCE, DAILY, WEEKLY or MONTHLY");
        require(form.timeOfDay() != null, "timeOfDay", "must be a time of day in Japan, like 09:00");
        belongs(form.runOn() != null, form.schedule() == Schedule.ONCE, "runOn", "the day of a ONCE timer");
        belongs(form.dayOfWeek() != null, form.schedule() == Schedule.WEEKLY, "dayOfWeek", "the day of a WEEKLY timer");
        belongs(form.dayOfMonth() != null, form.schedule() == Schedule.MONTHLY, "dayOfMonth", "the day of a MONTHLY timer");
        require(form.dayOfMonth() == null || (form.dayOfMonth() >= 1 && form.dayOfMonth() <= 31), "dayOfMonth",
                "must be 1–31 (past the month's last day: the last day)");
        Instant now = clock.instant();
        Long id = timers.findByConnectionId(connectionId).map(MeisaiTimer::id).orElse(null);
        MeisaiTimer timer = new MeisaiTimer(id, connectionId, form.recordListId(), form.enabled(), form.priority(),
                form.schedule(), form.runOn(), form.dayOfWeek(), form.dayOfMonth(), form.timeOfDay(), null, executor, now);
        Instant next = timer.nextAfter(now);
        require(!form.enabled() || next != null, "runOn", "is past: a ONCE timer must run on a future date and time (Japan)");
        return timers.save(timer.firedAt(now));
    }

    MeisaiTimer of(long connectionId) {
        return timers.findByConnectionId(connectionId)
                .orElseThrow(() -> new NotFoundException("timer of 楽楽明細 connection", connectionId));
    }

    /**
     * Opens a run for every timer due now, in the order they are to run, and moves each timer to its
     * next time; returns the runs' ids in that order. Timers another node is taking are skipped.
     */
    @Transactional
    public List<Long> takeDue() {
        Instant now = clock.instant();
        record Due(MeisaiTimer timer, MeisaiConnection connection, MeisaiRecordList list, int records) {
        }
        List<Due> due = new ArrayList<>();
        for (MeisaiTimer timer : timers.lockDue(now)) {
            MeisaiConnection connection = connections.get(timer.connectionId());
            MeisaiRecordList list = recordLists.findById(timer.recordListId()).orElseThrow();
            due.add(new Due(timer, connection, list, runs.candidates(connection, list)));
            timers.save(timer.firedAt(now));
        }
        due.sort(Comparator.comparingInt((Due d) -> -d.timer().priority()).thenComparingInt(Due::records)
                .thenComparing(d -> d.timer().id()));
        return due.stream().map(d -> runs.open(d.connection(), d.list(), RunTrigger.TIMER, d.timer().executor()).id())
                .toList();
    }

    private static void require(boolean holds, String field, String reason) {
        if (!holds) {
            throw new InvalidFieldException(field, reason);
        }
    }

    private static void belongs(boolean given, boolean expected, String field, String what) {
        if (given != expected) {
            throw new InvalidFieldException(field, given ? "is only for " + what : "must be set: " + what);
        }
    }
}
