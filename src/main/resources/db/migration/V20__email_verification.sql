-- Verified addresses (issue 14, item 1). An account's address is verified once its owner opens a
-- single-use link mailed to it (email_verified_at); accounts made before this have none and are
-- asked to verify in the app. A verification row is one link: for the account's own address at
-- sign-up, or for a new address the owner asked to move to (the account keeps its old address
-- until the link is opened). Only the link secret's SHA-256 is kept (token_hash), minted when the
-- mail is sent. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

ALTER TABLE account ADD COLUMN email_verified_at DATETIME(6);

CREATE TABLE email_verification (
    id          CHAR(36)     NOT NULL,
    account_id  CHAR(36)     NOT NULL,
    email       VARCHAR(254) NOT NULL,
    token_hash  CHAR(64),
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_email_verification PRIMARY KEY (id),
    CONSTRAINT fk_email_verification_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_email_verification_account ON email_verification (account_id, created_at);
