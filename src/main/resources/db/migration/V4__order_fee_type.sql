-- An order's fee is a fixed amount per billing month (MONTHLY) or a price per hour (HOURLY).
ALTER TABLE purchase_order ADD COLUMN fee_type VARCHAR(10) NOT NULL DEFAULT 'MONTHLY';
