-- Outgoing webhooks per workspace and the record of every delivery (one row per event and
-- webhook, updated by each attempt). See docs/webhooks.md.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE webhook (
    id            CHAR(36)      NOT NULL,
    workspace_id  CHAR(36)      NOT NULL,
    url           VARCHAR(2000) NOT NULL,
    events        VARCHAR(1000) NOT NULL,
    payload_format VARCHAR(16)  NOT NULL,
    secret        VARCHAR(100)  NOT NULL,
    description   VARCHAR(200),
    active        BOOLEAN       NOT NULL,
    created_by    CHAR(36),
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_webhook PRIMARY KEY (id),
    CONSTRAINT fk_webhook_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_webhook_created_by FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ix_webhook_workspace ON webhook (workspace_id, created_at, id);

CREATE TABLE webhook_delivery (
    id              CHAR(36)     NOT NULL,
    webhook_id      CHAR(36)     NOT NULL,
    event_id        CHAR(36)     NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL,
    attempt_key     CHAR(36),
    http_status     INT,
    last_error      VARCHAR(500),
    duration_ms     BIGINT,
    next_attempt_at DATETIME(6),
    last_attempt_at DATETIME(6),
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_webhook_delivery_webhook FOREIGN KEY (webhook_id) REFERENCES webhook (id) ON DELETE CASCADE
);
-- A webhook's deliveries, newest first.
CREATE INDEX ix_webhook_delivery_webhook ON webhook_delivery (webhook_id, created_at, id);
-- What the retry poller looks for: deliveries waiting for their next attempt, and stuck ones.
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
