-- Background jobs: one row per unit of work handed to a queue, created in the same transaction as
-- the JMS send. The row's status decides what a (re)delivered message does.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE job (
    id               CHAR(36)     NOT NULL,
    type             VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL,
    owner_account_id CHAR(36)     NOT NULL,
    idempotency_key  VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    last_error       VARCHAR(500),
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_job PRIMARY KEY (id),
    CONSTRAINT uk_job_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_job_owner FOREIGN KEY (owner_account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_owner ON job (owner_account_id, created_at);
