-- The months in which the official account reached its LINE message limit: LINE notices are skipped
-- (mail and in-app carry them) until the limit is lifted (a bigger plan) or the month ends.
CREATE TABLE line_monthly_limit (
    limit_month          VARCHAR(7)   PRIMARY KEY,
    reached_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at            TIMESTAMP WITH TIME ZONE
);
