package jp.partnerflow.line;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jp.partnerflow.platform.ConflictException;
import jp.partnerflow.platform.Tokyo;

/**
 * The official account's monthly message limit (free and light plans allow a few hundred to a few
 * thousand pushes a month). Once LINE says the month's limit is reached — a push answered 429
 * 「You have reached your monthly limit.」, or the quota read at start-up — LINE notices are skipped
 * (mail and in-app carry them) until the month ends or a check finds room again (a bigger plan).
 * The month is recorded once for the cluster, with one incident in Cockpit
 * ({@code bpmn/line-monthly-limit.bpmn}) rather than one per notice.
 */
@Service
public class LineQuota {
    static final String PROCESS_ID = "line-monthly-limit";
    static final String MSG_ROOM_AGAIN = "Msg_LineRoomAgain";
    static final String INCIDENT_TYPE = "lineMonthlyLimit";
    private static final Logger log = LoggerFactory.getLogger(LineQuota.class);

    private final LineMessenger messenger;
    private final LineMonthlyLimits limits;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** The month (Japan) this node knows the limit to be reached in, if any, and when it last looked. */
    private volatile YearMonth reachedIn;
    private volatile Instant lookedAt = Instant.EPOCH;

    LineQuota(LineMessenger messenger, LineMonthlyLimits limits, RuntimeService runtime, PlatformTransactionManager transactions,
            Clock clock) {
        this.messenger = messenger;
        this.limits = limits;
        this.runtime = runtime;
        // its own: a push's batch goes on whatever happens to the record
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether LINE notices are skipped now: the limit of this month is reached and not lifted. */
    public boolean limitReached() {
        if (reachedIn == null) {
            return false;
        }
        if (lookedAt.isBefore(clock.instant().minusSeconds(5))) {
            refresh(); // another node may have lifted it
        }
        return thisMonth().equals(reachedIn);
    }

    /** LINE refused a push for the monthly limit: recorded once for the month, with its one incident. */
    public void reached(String why) {
        YearMonth month = thisMonth();
        reachedIn = month;
        lookedAt = clock.instant();
        boolean first;
        try {
            first = Boolean.TRUE.equals(transaction.execute(status -> {
                boolean recorded = limits.reached(month, clock.instant());
                if (recorded) {
                    raiseIncident(month);
                }
                return recorded;
            }));
        } catch (DuplicateKeyException anotherNodeFirst) {
            first = false;
        }
        if (first) {
            log.warn("LINE's monthly message limit is reached for {}: LINE notices are skipped, mail and in-app "
                    + "carry them ({})", month, why);
        }
    }

    private void raiseIncident(YearMonth month) {
        String businessKey = businessKey(month);
        String instance = runtime.startProcessInstanceByKey(PROCESS_ID, businessKey).getId();
        Execution waiting = runtime.createExecutionQuery().processInstanceId(instance).activityId("Task_AwaitRoom")
                .singleResult();
        runtime.createIncident(INCIDENT_TYPE, waiting.getId(), month.toString(),
                "LINEの今月の送信上限に達しました（" + month + "）。LINEでのお知らせは送らず、メールとお知らせ一覧で届けています。"
                        + "プランを変えて送信枠が増えるか、月が替わると、自動でLINEでの送信を再開します。");
    }

    /** What the API shows: the account's quota, its use, and whether notices are skipped now. */
    public record Usage(boolean limited, long limit, long used, boolean skipping, Instant since) {
    }

    public Usage usage() {
        if (!messenger.enabled()) {
            throw new ConflictException("LINE delivery is disabled: no channel access token is configured");
        }
        LineMessenger.Quota quota;
        try {
            quota = messenger.quota();
        } catch (LinePushException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage());
        }
        Instant since = limitReached() ? limits.reachedAt(thisMonth()).orElse(null) : null;
        return new Usage(quota.limited(), quota.limit(), quota.used(), limitReached(), since);
    }

    /** At start-up: the quota in the log, and the month recorded if it is spent already. */
    @EventListener(ApplicationReadyEvent.class)
    void readAtStartUp() {
        refresh();
        if (!messenger.enabled()) {
            return;
        }
        try {
            LineMessenger.Quota quota = messenger.quota();
            log.info("LINE messages this month: {} of {}", quota.used(), quota.limited() ? quota.limit() : "unlimited");
            if (quota.exhausted()) {
                reached("the quota read at start-up is spent");
            }
        } catch (LinePushException e) {
            log.warn("LINE's message quota could not be read at start-up: {}", e.getMessage());
        }
    }

    /** What the cluster recorded (another node may have met the limit first), every half minute. */
    @Scheduled(fixedDelayString = "${partnerflow.line.limit-refresh-interval:PT30S}")
    void refresh() {
        YearMonth month = thisMonth();
        reachedIn = limits.holds(month) ? month : null;
        lookedAt = clock.instant();
        liftEarlierMonths();
    }

    /** While the limit holds, LINE is asked now and then whether the quota grew. */
    @Scheduled(fixedDelayString = "${partnerflow.line.quota-check-interval:PT15M}")
    void checkRoom() {
        if (!limitReached() || !messenger.enabled()) {
            return;
        }
        try {
            if (!messenger.quota().exhausted()) {
                lift(thisMonth(), "the quota has room again");
            }
        } catch (LinePushException e) {
            log.warn("LINE's message quota could not be read: {}", e.getMessage());
        }
    }

    /** A new month: the last month's limit is over, its incident with it. */
    private void liftEarlierMonths() {
        limits.heldBefore(thisMonth()).forEach(month -> lift(month, "a new month began"));
    }

    private void lift(YearMonth month, String why) {
        transaction.executeWithoutResult(status -> {
            if (limits.lift(month, clock.instant())) {
                runtime.createMessageCorrelation(MSG_ROOM_AGAIN).processInstanceBusinessKey(businessKey(month))
                        .correlateAll();
                log.info("LINE notices are sent again ({}: {})", month, why);
            }
        });
        if (month.equals(reachedIn)) {
            reachedIn = null;
        }
    }

    private static String businessKey(YearMonth month) {
        return "LINE 月間上限 " + month;
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(Tokyo.ZONE));
    }
}
