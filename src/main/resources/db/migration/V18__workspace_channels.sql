-- Workspace channels: a third kind of chat channel (WORKSPACE) beside DIRECT and BOARD, public or
-- private, with a name unique in the workspace, a topic and a description, archived or not; and
-- per-person mute. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
--
-- name_key is the name as compared: Unicode NFKC, case-folded (the application computes it), so
-- "General", "GENERAL" and a decomposed Hangul "일반" are the same name. It is compared byte by
-- byte (utf8mb4_unicode_ci would also equate "cafe" and "café", which are different names).
--
-- Every workspace has one general channel, WORKSPACE kind, whose id is the workspace's id; every
-- OWNER, MANAGER and MEMBER of the workspace reads it (no chat_member rows). New workspaces get
-- theirs on first use (an insert that ignores the duplicate key); existing ones here.

ALTER TABLE chat_channel ADD COLUMN name VARCHAR(80);
ALTER TABLE chat_channel ADD COLUMN name_key VARCHAR(160) COLLATE utf8mb4_bin;
ALTER TABLE chat_channel ADD COLUMN topic VARCHAR(250);
ALTER TABLE chat_channel ADD COLUMN description VARCHAR(1000);
ALTER TABLE chat_channel ADD COLUMN private_channel BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE chat_channel ADD COLUMN archived_at DATETIME(6);
ALTER TABLE chat_channel ADD CONSTRAINT uk_chat_channel_name UNIQUE (workspace_id, name_key);

CREATE TABLE chat_mute (
    channel_id  CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    muted_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_chat_mute PRIMARY KEY (channel_id, account_id),
    CONSTRAINT fk_chat_mute_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_mute_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO chat_channel (id, workspace_id, kind, name, name_key, topic, description, private_channel, last_seq, created_by, created_at)
SELECT w.id, w.id, 'WORKSPACE', 'general', 'general', NULL, NULL, FALSE, 0,
       COALESCE((SELECT MIN(m.account_id) FROM membership m WHERE m.workspace_id = w.id AND m.member_role = 'OWNER'), w.id),
       w.created_at
FROM workspace w;
