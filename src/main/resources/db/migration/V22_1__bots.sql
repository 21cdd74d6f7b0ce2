-- Bots: accounts owned by a workspace, made by its owners and managers, with a name and an
-- avatar (like a workspace's, at most 64 code points). A bot is a MEMBER of its workspace and of
-- no other. Messages remember whether their sender was a bot (sender_bot), so that history
-- shows the badge without reading accounts.

CREATE TABLE bot (
    account_id    CHAR(36)     NOT NULL,
    workspace_id  CHAR(36)     NOT NULL,
    avatar        VARCHAR(128),
    created_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_bot PRIMARY KEY (account_id),
    CONSTRAINT fk_bot_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT fk_bot_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX ix_bot_workspace ON bot (workspace_id, created_at);

ALTER TABLE chat_message ADD COLUMN sender_bot BOOLEAN DEFAULT FALSE NOT NULL;
