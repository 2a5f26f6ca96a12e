-- Deliveries waiting for their first attempt are the outbox; the sweeper looks for old ones.
CREATE INDEX notice_delivery_waiting ON notice_delivery (status, created_at);
