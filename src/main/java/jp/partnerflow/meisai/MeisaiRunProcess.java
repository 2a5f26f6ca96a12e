package jp.partnerflow.meisai;

import java.util.Map;

/** Names shared by {@code bpmn/meisai-run.bpmn}, {@code bpmn/meisai-timers.bpmn} and the Java side. */
final class MeisaiRunProcess {
    static final String ID = "meisai-run";
    static final String RUN_ID = "runId";
    /** Whether the run's imports are all complete (the state step's result). */
    static final String RUN_STATE = "runState";
    /** The runs the timers' sweep opened, run one after another (meisai-timers). */
    static final String DUE_RUNS = "dueRuns";
    static final String TIMERS_ID = "meisai-timers";

    private MeisaiRunProcess() {
    }

    /** What a run started by hand starts with (meisai-timers passes the same to its call activity). */
    static Map<String, Object> start(long runId) {
        return Map.of(RUN_ID, runId);
    }
}
