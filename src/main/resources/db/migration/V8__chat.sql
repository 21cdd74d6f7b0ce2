-- Chat: channels (direct messages and one per board), their messages, reactions and read markers.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
--
-- chat_channel.last_seq is the channel's sequence counter: a post locks the channel row, reads
-- it, stores the message with last_seq + 1 and writes that back, so sequences are dense and in
-- commit order per channel. Emoji are compared byte by byte (utf8mb4_unicode_ci weighs most emoji
-- the same, which would make all reactions one).

CREATE TABLE chat_channel (
    id            CHAR(36)    NOT NULL,
    workspace_id  CHAR(36)    NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    board_id      CHAR(36),
    member_key    CHAR(64),
    last_seq      BIGINT      NOT NULL,
    created_by    CHAR(36)    NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_channel PRIMARY KEY (id),
    CONSTRAINT uk_chat_channel_board UNIQUE (board_id),
    CONSTRAINT uk_chat_channel_members UNIQUE (workspace_id, member_key),
    CONSTRAINT fk_chat_channel_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_channel_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE TABLE chat_member (
    channel_id  CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    joined_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_member PRIMARY KEY (channel_id, account_id),
    CONSTRAINT fk_chat_member_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_member_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_chat_member_account ON chat_member (account_id);

CREATE TABLE chat_message (
    id          CHAR(36)      NOT NULL,
    channel_id  CHAR(36)      NOT NULL,
    seq         BIGINT        NOT NULL,
    sender_id   CHAR(36)      NOT NULL,
    parent_id   CHAR(36),
    body        TEXT,
    mentions    VARCHAR(2000),
    client_key  VARCHAR(64),
    created_at  DATETIME(6)   NOT NULL,
    edited_at   DATETIME(6),
    deleted_at  DATETIME(6),
    version     BIGINT        NOT NULL,
    CONSTRAINT pk_chat_message PRIMARY KEY (id),
    CONSTRAINT uk_chat_message_seq UNIQUE (channel_id, seq),
    CONSTRAINT uk_chat_message_client_key UNIQUE (channel_id, sender_id, client_key),
    CONSTRAINT fk_chat_message_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE
);
CREATE INDEX ix_chat_message_parent ON chat_message (parent_id);
CREATE INDEX ix_chat_message_created ON chat_message (channel_id, created_at, id);

CREATE TABLE chat_reaction (
    message_id  CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    emoji       VARCHAR(64) NOT NULL COLLATE utf8mb4_bin,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_reaction PRIMARY KEY (message_id, account_id, emoji),
    CONSTRAINT fk_chat_reaction_message FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE
);

CREATE TABLE chat_read (
    channel_id  CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    seq         BIGINT      NOT NULL,
    updated_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_read PRIMARY KEY (channel_id, account_id),
    CONSTRAINT fk_chat_read_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE
);
CREATE INDEX ix_chat_read_account ON chat_read (account_id);
