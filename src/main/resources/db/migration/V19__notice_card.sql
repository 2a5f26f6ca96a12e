-- A notice's figures for LINE's Flex bubble (JSON: subject, rows of label and value, a note); empty
-- for a notice that is plain text.
ALTER TABLE notice ADD COLUMN card VARCHAR(4000);
