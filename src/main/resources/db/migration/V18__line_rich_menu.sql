-- The partners' rich menu on the official account: one row per design (its name carries the
-- design's hash), claimed by the node that creates it, so a cluster creates it once.
CREATE TABLE line_rich_menu (
    name                 VARCHAR(300) PRIMARY KEY,
    rich_menu_id         VARCHAR(100),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
