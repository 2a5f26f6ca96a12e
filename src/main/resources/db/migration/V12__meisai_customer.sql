-- The customer data (顧客データ) each partner last had imported per customer connection: a partner
-- whose data is new or changed goes to 楽楽明細 before their documents.
CREATE TABLE meisai_customer (
    connection_id        BIGINT       NOT NULL REFERENCES meisai_connection (id),
    partner_id           BIGINT       NOT NULL REFERENCES partner (id),
    data_hash            CHAR(64)     NOT NULL,
    imported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (connection_id, partner_id)
);
