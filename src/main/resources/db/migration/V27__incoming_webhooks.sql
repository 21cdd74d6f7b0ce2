-- Incoming webhooks: a secret URL per workspace channel that turns a Slack-style JSON body into a
-- message of that channel. Each hook posts as its own bot account (a MEMBER of the workspace and a
-- member of the channel), so its messages go through the same path as anyone's. Only the SHA-256
-- of the secret is kept (secret_hash); hint is its last four characters. Messages remember the
-- name they were shown with (sender_name: the hook's name, or the body's username), so history
-- keeps it after the hook is deleted.

CREATE TABLE incoming_webhook (
    id            CHAR(36)     NOT NULL,
    workspace_id  CHAR(36)     NOT NULL,
    channel_id    CHAR(36)     NOT NULL,
    account_id    CHAR(36)     NOT NULL,
    name          VARCHAR(100) NOT NULL,
    secret_hash   CHAR(64)     NOT NULL,
    hint          VARCHAR(8)   NOT NULL,
    created_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6),
    CONSTRAINT pk_incoming_webhook PRIMARY KEY (id),
    CONSTRAINT uk_incoming_webhook_secret UNIQUE (secret_hash),
    CONSTRAINT fk_incoming_webhook_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_incoming_webhook_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE,
    CONSTRAINT fk_incoming_webhook_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_incoming_webhook_channel ON incoming_webhook (channel_id, created_at, id);

ALTER TABLE chat_message ADD COLUMN sender_name VARCHAR(100);
