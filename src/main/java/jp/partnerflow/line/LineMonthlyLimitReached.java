package jp.partnerflow.line;

/**
 * LINE refused a push because the official account has sent its plan's messages for the month
 * (429 「You have reached your monthly limit.」) — unlike a rate limit, retrying within the month
 * is useless, so the notice is skipped on LINE ({@link LineQuota}).
 */
public class LineMonthlyLimitReached extends LinePushException {
    public LineMonthlyLimitReached(String message, Throwable cause) {
        super(message, cause);
    }
}
