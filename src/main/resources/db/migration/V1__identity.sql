-- Accounts, sign-in sessions and their rotating refresh tokens.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB: DATETIME(6) keeps microseconds in UTC.

CREATE TABLE account (
    id                  CHAR(36)     NOT NULL,
    email               VARCHAR(254) NOT NULL,
    password_hash       VARCHAR(512) NOT NULL,
    display_name        VARCHAR(100) NOT NULL,
    locale              VARCHAR(8)   NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uk_account_email UNIQUE (email)
);

CREATE TABLE auth_session (
    id                 CHAR(36)     NOT NULL,
    account_id         CHAR(36)     NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    last_used_at       DATETIME(6)  NOT NULL,
    expires_at         DATETIME(6)  NOT NULL,
    revoked_at         DATETIME(6),
    revoked_reason     VARCHAR(32),
    user_agent         VARCHAR(512),
    ip_address         VARCHAR(64),
    version            BIGINT       NOT NULL,
    CONSTRAINT pk_auth_session PRIMARY KEY (id),
    CONSTRAINT fk_auth_session_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_auth_session_account ON auth_session (account_id, revoked_at);

CREATE TABLE refresh_token (
    token_hash  CHAR(64)    NOT NULL,
    session_id  CHAR(36)    NOT NULL,
    issued_at   DATETIME(6) NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT pk_refresh_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_refresh_token_session FOREIGN KEY (session_id) REFERENCES auth_session (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_token_session ON refresh_token (session_id);
