-- One LINE user may be a partner of several companies (a freelancer working for two clients on the
-- one official account): a LINE account is linked to at most one partner per company. The column is
-- moved rather than its constraint dropped, as the constraint's name differs between PostgreSQL and H2.
ALTER TABLE partner ADD COLUMN line_user VARCHAR(64);
UPDATE partner SET line_user = line_user_id;
ALTER TABLE partner DROP COLUMN line_user_id;
ALTER TABLE partner RENAME COLUMN line_user TO line_user_id;
ALTER TABLE partner ADD CONSTRAINT partner_company_line_user UNIQUE (company_id, line_user_id);
CREATE INDEX partner_line_user_idx ON partner (line_user_id);

-- Every notice names the company it comes from (on LINE, by mail and in-app), as it was named when sent.
ALTER TABLE notice ADD COLUMN sender VARCHAR(200);
UPDATE notice SET sender = (SELECT c.name FROM partner p JOIN company c ON c.id = p.company_id WHERE p.id = notice.partner_id);
ALTER TABLE notice ALTER COLUMN sender SET NOT NULL;
