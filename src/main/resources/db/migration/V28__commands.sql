-- Slash commands: a workspace's owners and managers register a /word and the integrator's URL;
-- typing "/word text" in a channel POSTs a signed request there (docs/commands.md). Each command
-- posts its in-channel answers as its own bot account (poster_id), a MEMBER of the workspace, so
-- that its messages carry its name and the bot badge. Portable between H2 (MODE=MySQL) and
-- MySQL 8 / MariaDB.

CREATE TABLE chat_command (
    id            CHAR(36)      NOT NULL,
    workspace_id  CHAR(36)      NOT NULL,
    word          VARCHAR(32)   NOT NULL,
    description   VARCHAR(200),
    usage_hint    VARCHAR(100),
    url           VARCHAR(2000) NOT NULL,
    secret        VARCHAR(100)  NOT NULL,
    poster_id     CHAR(36)      NOT NULL,
    created_by    CHAR(36),
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_chat_command PRIMARY KEY (id),
    CONSTRAINT uq_chat_command_word UNIQUE (workspace_id, word),
    CONSTRAINT fk_chat_command_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_command_poster FOREIGN KEY (poster_id) REFERENCES account (id),
    CONSTRAINT fk_chat_command_created_by FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ix_chat_command_workspace ON chat_command (workspace_id, created_at, id);
