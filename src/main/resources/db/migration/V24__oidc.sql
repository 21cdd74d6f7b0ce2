-- OpenID Connect sign-in (issue 19, item 1). Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- Which identity at which provider is which account: later sign-ins match on (issuer, subject),
-- never on the email again.
CREATE TABLE oidc_identity (
    id          CHAR(36)      NOT NULL,
    issuer      VARCHAR(255)  NOT NULL,
    subject     VARCHAR(255)  NOT NULL,
    account_id  CHAR(36)      NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_oidc_identity PRIMARY KEY (id),
    CONSTRAINT uq_oidc_identity UNIQUE (issuer, subject),
    CONSTRAINT fk_oidc_identity_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_oidc_identity_account ON oidc_identity (account_id);

-- A sign-in under way, from the redirect to the provider until its callback: kept in the
-- database so the callback may land on any node. Keyed by the SHA-256 of the state; bound to the
-- browser by the SHA-256 of a cookie's value; spent by deleting the row (a replay finds nothing).
CREATE TABLE oidc_attempt (
    state_hash     CHAR(64)       NOT NULL,
    browser_hash   CHAR(64)       NOT NULL,
    nonce          VARCHAR(64)    NOT NULL,
    code_verifier  VARCHAR(128)   NOT NULL,
    redirect_uri   VARCHAR(1000)  NOT NULL,
    created_at     DATETIME(6)    NOT NULL,
    expires_at     DATETIME(6)    NOT NULL,
    CONSTRAINT pk_oidc_attempt PRIMARY KEY (state_hash)
);
CREATE INDEX ix_oidc_attempt_expires ON oidc_attempt (expires_at);

-- The one-time code a completed callback hands the browser (in the URL fragment) to collect its
-- tokens with, exactly as password sign-in hands them out. Only its SHA-256 is kept.
CREATE TABLE oidc_handoff (
    code_hash   CHAR(64)     NOT NULL,
    account_id  CHAR(36)     NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_oidc_handoff PRIMARY KEY (code_hash),
    CONSTRAINT fk_oidc_handoff_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_oidc_handoff_expires ON oidc_handoff (expires_at);
