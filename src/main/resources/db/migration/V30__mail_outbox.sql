-- The local outbox page (docs/jobs.md, The local outbox): with moim.mail.enabled=false and "page"
-- among moim.mail.outbox's modes, every account mail the instance would have sent is kept here
-- whole (its plain-text part, links included) for the system administrators' Outbox panel; never a
-- notification mail (it quotes conversations administrators may not read); only the newest
-- moim.mail.outbox.keep are kept. Nothing is written here while mail goes out through SMTP.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE mail_outbox (
    id          CHAR(36)      NOT NULL,
    recipient   VARCHAR(320)  NOT NULL,
    subject     VARCHAR(998)  NOT NULL,
    body        MEDIUMTEXT    NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id)
);
-- Newest first, by keyset (created_at, id); pruning deletes below a created_at.
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at, id);
