-- Webhook events are now worked on under a row lock (SELECT ... FOR UPDATE SKIP LOCKED) held by the
-- processing transaction; a node that dies releases it with its connection, so no claim time is kept.
UPDATE line_webhook_event SET status = 'RECEIVED' WHERE status = 'PROCESSING';
ALTER TABLE line_webhook_event DROP COLUMN claimed_at;
