-- The keyword bot (docs/keyword-bot.md): a workspace's owners and managers write rules (whole
-- words or phrases → a reply, in chosen workspace channels); the bot, an account of its own and a
-- MEMBER of the workspace, answers a matching message in its thread once, after it is committed.
-- A handover rule asks the workspace's responders for a person; a responder takes the thread and
-- the bot is silent there from then on. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE keyword_bot (
    workspace_id  CHAR(36)    NOT NULL,
    poster_id     CHAR(36)    NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_keyword_bot PRIMARY KEY (workspace_id),
    CONSTRAINT fk_keyword_bot_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_keyword_bot_poster FOREIGN KEY (poster_id) REFERENCES account (id)
);

CREATE TABLE keyword_bot_responder (
    workspace_id  CHAR(36) NOT NULL,
    account_id    CHAR(36) NOT NULL,
    CONSTRAINT pk_keyword_bot_responder PRIMARY KEY (workspace_id, account_id),
    CONSTRAINT fk_keyword_bot_responder_bot FOREIGN KEY (workspace_id) REFERENCES keyword_bot (workspace_id) ON DELETE CASCADE,
    CONSTRAINT fk_keyword_bot_responder_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

-- keywords and phrases: one per line, lower case; channel_ids: space separated, empty for all.
CREATE TABLE keyword_rule (
    id            CHAR(36)      NOT NULL,
    workspace_id  CHAR(36)      NOT NULL,
    keywords      VARCHAR(2200) NOT NULL,
    phrases       VARCHAR(2200) NOT NULL,
    reply         VARCHAR(2000) NOT NULL,
    handover      BOOLEAN       NOT NULL,
    channel_ids   VARCHAR(800)  NOT NULL,
    created_by    CHAR(36),
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_keyword_rule PRIMARY KEY (id),
    CONSTRAINT fk_keyword_rule_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_keyword_rule_created_by FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ix_keyword_rule_workspace ON keyword_rule (workspace_id, created_at, id);

-- A "talk to a person" request: one per thread (thread_id is the thread's first message).
CREATE TABLE keyword_handover (
    id            CHAR(36)    NOT NULL,
    workspace_id  CHAR(36)    NOT NULL,
    channel_id    CHAR(36)    NOT NULL,
    thread_id     CHAR(36)    NOT NULL,
    asked_by      CHAR(36),
    taken_by      CHAR(36),
    taken_at      DATETIME(6),
    created_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL,
    CONSTRAINT pk_keyword_handover PRIMARY KEY (id),
    CONSTRAINT uq_keyword_handover_thread UNIQUE (thread_id),
    CONSTRAINT fk_keyword_handover_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_keyword_handover_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE,
    CONSTRAINT fk_keyword_handover_asked_by FOREIGN KEY (asked_by) REFERENCES account (id) ON DELETE SET NULL,
    CONSTRAINT fk_keyword_handover_taken_by FOREIGN KEY (taken_by) REFERENCES account (id) ON DELETE SET NULL
);
