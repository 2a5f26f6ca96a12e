-- What a partner agreed to when registering through LINE (利用規約, プライバシーポリシー, 下請取引における
-- 電磁的記録の提供についての同意), and when. Kept as given: a later login asks for nothing again.
CREATE TABLE partner_consent (
    partner_id           BIGINT       NOT NULL REFERENCES partner (id),
    kind                 VARCHAR(30)  NOT NULL,
    agreed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, kind)
);
