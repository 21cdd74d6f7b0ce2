-- Password reset by mail (issue 14, item 2). A request is a row; its link's secret is minted when
-- the mail is sent and only its SHA-256 is kept (token_hash), so neither the database nor the job
-- queue ever holds a usable link. Single use (used_at), expiring (expires_at).
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE password_reset (
    id          CHAR(36)     NOT NULL,
    account_id  CHAR(36)     NOT NULL,
    token_hash  CHAR(64),
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_password_reset PRIMARY KEY (id),
    CONSTRAINT fk_password_reset_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_reset_account ON password_reset (account_id, created_at);
