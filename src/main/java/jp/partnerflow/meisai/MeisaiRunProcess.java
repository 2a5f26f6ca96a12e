package jp.partnerflow.meisai;

/** Names shared by {@code bpmn/meisai-run.bpmn}, {@code bpmn/meisai-timers.bpmn} and the Java side. */
final class MeisaiRunProcess {
    static final String ID = "meisai-run";
    static final String RUN_ID = "runId";
    static final String TIMERS_ID = "meisai-timers";

    private MeisaiRunProcess() {
    }
}
