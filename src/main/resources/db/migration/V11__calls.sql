-- Calls in chat channels: one row per call (its live state and, once ended, its history) and one row per stint of
-- a participant in it (who joined when and left when). Portable between H2 (MODE=MySQL) and
-- MySQL 8 / MariaDB. The table is video_call because CALL is a reserved word in MySQL.
--
-- live_channel_id is the channel's id while the call runs and NULL once it ended: its unique key
-- allows one running call per channel (NULLs never collide), so two people starting a call in the
-- same channel at once end up in the same call. Every change to who is in a call locks its row.
-- channel_id has no foreign key on purpose: when a board (and with it its channel) is deleted,
-- its running calls must still be found to end them and tell their participants; the history
-- goes with the workspace.

CREATE TABLE video_call (
    id               CHAR(36)     NOT NULL,
    channel_id       CHAR(36)     NOT NULL,
    channel_kind     VARCHAR(16)  NOT NULL,
    workspace_id     CHAR(36)     NOT NULL,
    live_channel_id  CHAR(36),
    started_by       CHAR(36)     NOT NULL,
    started_at       DATETIME(6)  NOT NULL,
    ended_at         DATETIME(6),
    CONSTRAINT pk_video_call PRIMARY KEY (id),
    CONSTRAINT uk_video_call_live UNIQUE (live_channel_id),
    CONSTRAINT fk_video_call_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
-- A channel's call history, newest first.
CREATE INDEX ix_video_call_channel ON video_call (channel_id, started_at, id);

-- away_since: the participant's connection closed (or its node left the cluster) and they have
-- moim.calls.reconnect-grace to come back before they count as having left at that moment.
CREATE TABLE call_participant (
    id             CHAR(36)    NOT NULL,
    call_id        CHAR(36)    NOT NULL,
    account_id     CHAR(36)    NOT NULL,
    peer_id        CHAR(36)    NOT NULL,
    connection_id  VARCHAR(64) NOT NULL,
    node_id        VARCHAR(64) NOT NULL,
    joined_at      DATETIME(6) NOT NULL,
    left_at        DATETIME(6),
    away_since     DATETIME(6),
    mic            BOOLEAN     NOT NULL,
    camera         BOOLEAN     NOT NULL,
    screen         BOOLEAN     NOT NULL,
    CONSTRAINT pk_call_participant PRIMARY KEY (id),
    CONSTRAINT uk_call_participant_peer UNIQUE (peer_id),
    CONSTRAINT fk_call_participant_call FOREIGN KEY (call_id) REFERENCES video_call (id) ON DELETE CASCADE,
    CONSTRAINT fk_call_participant_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_call_participant_call ON call_participant (call_id, left_at);
CREATE INDEX ix_call_participant_account ON call_participant (account_id, call_id);
CREATE INDEX ix_call_participant_connection ON call_participant (connection_id, left_at);
CREATE INDEX ix_call_participant_away ON call_participant (left_at, away_since);
