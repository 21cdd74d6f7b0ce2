-- Instance administration: system administrators, deactivated accounts, and the audit log.
-- Portable between H2 (MODE=MySQL) and MariaDB.

ALTER TABLE account ADD COLUMN system_admin BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE account ADD COLUMN deactivated_at DATETIME(6);

-- Security events: who (the acting account, if known), what, to whom, when, from where.
-- No foreign keys: the log outlives the accounts it names.
CREATE TABLE audit_entry (
    id          CHAR(36)     NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor_id    CHAR(36),
    actor_email VARCHAR(254),
    subject_id  CHAR(36),
    address     VARCHAR(64),
    detail      VARCHAR(500),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at, id);
