-- Billing: plans and their limits (data, so another plan is a row plus configuration), prices,
-- one subscription per paying workspace (none means FREE), payments with their state machine,
-- provider webhooks seen (each event id once), invoices, the billing audit trail, and the
-- built-in sandbox provider's own checkouts.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB. Money is integer minor units plus an
-- ISO 4217 currency code (KRW has no minor unit, USD has cents). A NULL limit means unlimited.
-- Payments, invoices and the audit trail outlive a purged workspace (no foreign key to it).

CREATE TABLE plan (
    code                   VARCHAR(32)  NOT NULL,
    name                   VARCHAR(80)  NOT NULL,
    plan_rank              INT          NOT NULL,
    max_members            BIGINT,
    max_boards             BIGINT,
    max_storage_bytes      BIGINT,
    max_file_bytes         BIGINT,
    max_call_participants  BIGINT,
    message_history_days   BIGINT,
    max_integrations       BIGINT,
    CONSTRAINT pk_plan PRIMARY KEY (code)
);

INSERT INTO plan (code, name, plan_rank, max_members, max_boards, max_storage_bytes, max_file_bytes,
                  max_call_participants, message_history_days, max_integrations)
VALUES ('FREE', 'Free', 0, 10, 10, 1073741824, 26214400, 4, 90, 1);
INSERT INTO plan (code, name, plan_rank, max_members, max_boards, max_storage_bytes, max_file_bytes,
                  max_call_participants, message_history_days, max_integrations)
VALUES ('PREMIUM', 'Premium', 1, 500, NULL, 107374182400, 2147483648, 50, NULL, 50);

CREATE TABLE plan_price (
    id              VARCHAR(64)  NOT NULL,
    plan_code       VARCHAR(32)  NOT NULL,
    billing_period  VARCHAR(16)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    CONSTRAINT pk_plan_price PRIMARY KEY (id),
    CONSTRAINT uk_plan_price_terms UNIQUE (plan_code, billing_period, currency),
    CONSTRAINT fk_plan_price_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
);

INSERT INTO plan_price (id, plan_code, billing_period, currency, amount_minor) VALUES ('PREMIUM-MONTHLY-KRW', 'PREMIUM', 'MONTHLY', 'KRW', 49000);
INSERT INTO plan_price (id, plan_code, billing_period, currency, amount_minor) VALUES ('PREMIUM-YEARLY-KRW', 'PREMIUM', 'YEARLY', 'KRW', 490000);
INSERT INTO plan_price (id, plan_code, billing_period, currency, amount_minor) VALUES ('PREMIUM-MONTHLY-USD', 'PREMIUM', 'MONTHLY', 'USD', 3900);
INSERT INTO plan_price (id, plan_code, billing_period, currency, amount_minor) VALUES ('PREMIUM-YEARLY-USD', 'PREMIUM', 'YEARLY', 'USD', 39000);

CREATE TABLE subscription (
    id                       CHAR(36)      NOT NULL,
    workspace_id             CHAR(36)      NOT NULL,
    plan_code                VARCHAR(32)   NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    billing_period           VARCHAR(16),
    amount_minor             BIGINT,
    currency                 CHAR(3),
    period_start             DATETIME(6),
    period_end               DATETIME(6),
    cancel_at_period_end     BOOLEAN       NOT NULL,
    grace_until              DATETIME(6),
    current_payment_id       CHAR(36),
    provider                 VARCHAR(16),
    provider_customer        VARCHAR(255),
    provider_payment_method  VARCHAR(255),
    created_at               DATETIME(6)   NOT NULL,
    updated_at               DATETIME(6)   NOT NULL,
    version                  BIGINT        NOT NULL,
    CONSTRAINT pk_subscription PRIMARY KEY (id),
    CONSTRAINT uk_subscription_workspace UNIQUE (workspace_id),
    CONSTRAINT fk_subscription_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_subscription_plan FOREIGN KEY (plan_code) REFERENCES plan (code)
);
-- The renewal job: paid subscriptions whose period or grace ends.
CREATE INDEX ix_subscription_period_end ON subscription (plan_code, period_end);
CREATE INDEX ix_subscription_grace ON subscription (status, grace_until);

CREATE TABLE payment (
    id                    CHAR(36)      NOT NULL,
    workspace_id          CHAR(36)      NOT NULL,
    purpose               VARCHAR(16)   NOT NULL,
    plan_code             VARCHAR(32)   NOT NULL,
    billing_period        VARCHAR(16)   NOT NULL,
    amount_minor          BIGINT        NOT NULL,
    currency              CHAR(3)       NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    provider              VARCHAR(16)   NOT NULL,
    provider_ref          VARCHAR(255),
    provider_payment_ref  VARCHAR(255),
    checkout_url          VARCHAR(2000),
    idempotency_key       VARCHAR(64)   NOT NULL,
    -- The workspace id while the payment is open (CREATED or PENDING), NULL after: at most one
    -- open payment per workspace, whatever runs at once.
    open_for              CHAR(36),
    created_by            CHAR(36),
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    paid_at               DATETIME(6),
    refunded_at           DATETIME(6),
    failure_reason        VARCHAR(500),
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT uk_payment_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT uk_payment_open_for UNIQUE (open_for)
);
CREATE INDEX ix_payment_workspace ON payment (workspace_id, created_at);
CREATE INDEX ix_payment_provider_ref ON payment (provider_ref);
CREATE INDEX ix_payment_provider_payment_ref ON payment (provider_payment_ref);

CREATE TABLE webhook_event (
    id           CHAR(36)      NOT NULL,
    provider     VARCHAR(16)   NOT NULL,
    event_id     VARCHAR(255)  NOT NULL,
    event_type   VARCHAR(64)   NOT NULL,
    payment_id   CHAR(36),
    outcome      VARCHAR(16)   NOT NULL,
    detail       VARCHAR(500),
    received_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_webhook_event PRIMARY KEY (id),
    CONSTRAINT uk_webhook_event_provider_event UNIQUE (provider, event_id)
);
CREATE INDEX ix_webhook_event_payment ON webhook_event (payment_id);

CREATE TABLE invoice (
    id              CHAR(36)      NOT NULL,
    invoice_number  VARCHAR(32)   NOT NULL,
    workspace_id    CHAR(36)      NOT NULL,
    payment_id      CHAR(36)      NOT NULL,
    workspace_name  VARCHAR(200)  NOT NULL,
    plan_code       VARCHAR(32)   NOT NULL,
    plan_name       VARCHAR(80)   NOT NULL,
    billing_period  VARCHAR(16)   NOT NULL,
    period_start    DATETIME(6)   NOT NULL,
    period_end      DATETIME(6)   NOT NULL,
    amount_minor    BIGINT        NOT NULL,
    currency        CHAR(3)       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    provider        VARCHAR(16)   NOT NULL,
    issued_at       DATETIME(6)   NOT NULL,
    refunded_at     DATETIME(6),
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (id),
    CONSTRAINT uk_invoice_number UNIQUE (invoice_number),
    CONSTRAINT uk_invoice_payment UNIQUE (payment_id)
);
CREATE INDEX ix_invoice_workspace ON invoice (workspace_id, issued_at);

CREATE TABLE billing_event (
    id            CHAR(36)      NOT NULL,
    workspace_id  CHAR(36)      NOT NULL,
    kind          VARCHAR(48)   NOT NULL,
    actor_id      CHAR(36),
    payment_id    CHAR(36),
    detail        VARCHAR(1000),
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_billing_event PRIMARY KEY (id)
);
CREATE INDEX ix_billing_event_workspace ON billing_event (workspace_id, created_at);

-- The sandbox provider's side: what a real provider keeps on its own servers.
CREATE TABLE sandbox_checkout (
    id               VARCHAR(64)    NOT NULL,
    idempotency_key  VARCHAR(100)   NOT NULL,
    kind             VARCHAR(16)    NOT NULL,
    reference        CHAR(36)       NOT NULL,
    purpose          VARCHAR(16)    NOT NULL,
    description      VARCHAR(200)   NOT NULL,
    amount_minor     BIGINT         NOT NULL,
    currency         CHAR(3)        NOT NULL,
    status           VARCHAR(24)    NOT NULL,
    customer         VARCHAR(64)    NOT NULL,
    payment_method   VARCHAR(64),
    payment_ref      VARCHAR(64),
    card_last4       CHAR(4),
    success_url      VARCHAR(2000),
    cancel_url       VARCHAR(2000),
    webhook_url      VARCHAR(2000),
    locale           VARCHAR(8),
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT pk_sandbox_checkout PRIMARY KEY (id),
    CONSTRAINT uk_sandbox_checkout_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_sandbox_checkout_method ON sandbox_checkout (payment_method);
