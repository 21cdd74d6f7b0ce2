-- Notifications in the reader's language, reminders, notification mail (issue 14, items 4-6).
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

-- A notification keeps its kind and the parameters its title names (JSON object of strings);
-- the title is rendered in the reader's language when read. Rows written before keep their
-- English title (params NULL).
ALTER TABLE notification ADD COLUMN params VARCHAR(4000);

-- When a notification's mail was sent or decided against. Rows written before this version are
-- never mailed: they count as decided.
ALTER TABLE notification ADD COLUMN mail_checked_at DATETIME(6);
UPDATE notification SET mail_checked_at = created_at;
CREATE INDEX ix_notification_mail ON notification (mail_checked_at, read_at, created_at);

-- Which node runs a schedule that must run once across the cluster (reminders, notification
-- mail): the holder keeps it while it renews before expires_at; taken counts the runs.
CREATE TABLE schedule_lease (
    name        VARCHAR(64)  NOT NULL,
    holder      VARCHAR(100) NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    taken       BIGINT       NOT NULL,
    CONSTRAINT pk_schedule_lease PRIMARY KEY (name)
);

-- A reminder that was sent: one per subject and moment (a card's due instant, an event's start),
-- so a moved due date or start reminds again, and a second run reminds nobody twice (the key is
-- type:id:epoch-microseconds of the moment).
CREATE TABLE reminder_sent (
    reminder_key  VARCHAR(120) NOT NULL,
    subject_type  VARCHAR(16)  NOT NULL,
    subject_id    CHAR(36)     NOT NULL,
    due_at        DATETIME(6)  NOT NULL,
    sent_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_reminder_sent PRIMARY KEY (reminder_key)
);
CREATE INDEX ix_reminder_sent_subject ON reminder_sent (subject_type, subject_id, due_at);

-- A person's choice of notification mail: OFF, DIGEST or IMMEDIATE (no row: the default).
CREATE TABLE notification_mail_setting (
    account_id  CHAR(36)     NOT NULL,
    mode        VARCHAR(16)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_notification_mail_setting PRIMARY KEY (account_id),
    CONSTRAINT fk_notification_mail_setting_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
