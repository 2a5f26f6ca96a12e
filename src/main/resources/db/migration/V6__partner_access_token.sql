-- Tokens a partner's pages (and, until LINE Login arrives, a partner's own client) call the partner
-- API with. Only a SHA-256 hash is kept: a leaked table grants nothing.
CREATE TABLE partner_access_token (
    token_hash           CHAR(64)     PRIMARY KEY,
    partner_id           BIGINT       NOT NULL REFERENCES partner (id),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX partner_access_token_partner ON partner_access_token (partner_id);
