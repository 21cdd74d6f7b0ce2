-- The notification inbox: one row per recipient and event (mentions, assignments, invitations,
-- direct messages, job results). Rows are never shown to anyone but their recipient.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE notification (
    id            CHAR(36)     NOT NULL,
    recipient_id  CHAR(36)     NOT NULL,
    actor_id      CHAR(36),
    workspace_id  CHAR(36),
    kind          VARCHAR(40)  NOT NULL,
    subject_type  VARCHAR(32),
    subject_id    VARCHAR(64),
    title         VARCHAR(200) NOT NULL,
    excerpt       VARCHAR(500),
    link          VARCHAR(500),
    created_at    DATETIME(6)  NOT NULL,
    read_at       DATETIME(6),
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_notification_actor FOREIGN KEY (actor_id) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT fk_notification_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
-- The inbox, newest first, and the unread count.
CREATE INDEX ix_notification_inbox ON notification (recipient_id, created_at, id);
CREATE INDEX ix_notification_unread ON notification (recipient_id, read_at);
