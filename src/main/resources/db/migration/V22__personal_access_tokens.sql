-- Personal access tokens: an account's long-lived API credentials with scopes, an expiry and
-- revocation. Only the SHA-256 of the secret is kept (token_hash); hint is the last four
-- characters, so a list can show which token is which. Bots are accounts too (account.bot);
-- the tokens an admin makes for a bot belong to the bot's account.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

ALTER TABLE account ADD COLUMN bot BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE personal_access_token (
    id            CHAR(36)     NOT NULL,
    account_id    CHAR(36)     NOT NULL,
    name          VARCHAR(200) NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    hint          VARCHAR(8)   NOT NULL,
    scopes        VARCHAR(200) NOT NULL,
    created_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6),
    revoked_at    DATETIME(6),
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_personal_access_token PRIMARY KEY (id),
    CONSTRAINT uk_personal_access_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_personal_access_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_personal_access_token_account ON personal_access_token (account_id, created_at);
