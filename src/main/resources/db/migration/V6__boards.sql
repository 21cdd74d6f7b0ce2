-- Kanban boards: boards, their members, lists, cards (assignees, labels, checklist items,
-- comments) and the activity log. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
--
-- Everything hangs off workspace -> board with ON DELETE CASCADE, so purging a workspace (one
-- DELETE of its row) removes its boards and all that is in them.
--
-- sort_key: the position of a list on its board and of a card in its list, a string compared
-- byte by byte (utf8mb4_bin; the keys only use 0-9 a-z). Unique per list / board: the server
-- computes keys under a lock on the board row, the constraint is the safety net.
-- Names and titles are sized in UTF-16 units for H2, twice the largest configurable limit;
-- Markdown texts are MEDIUMTEXT (TEXT holds only 64 KiB: 20,000 emoji would not fit).

CREATE TABLE board (
    id            CHAR(36)     NOT NULL,
    workspace_id  CHAR(36)     NOT NULL,
    name          VARCHAR(400) NOT NULL,
    description   MEDIUMTEXT   NOT NULL,
    colour        VARCHAR(7),
    start_date    DATE,
    deadline      DATE,
    archived      BOOLEAN      NOT NULL,
    created_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_board PRIMARY KEY (id),
    CONSTRAINT fk_board_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX ix_board_workspace ON board (workspace_id, created_at, id);

CREATE TABLE board_member (
    id          CHAR(36)    NOT NULL,
    board_id    CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    added_by    CHAR(36)    NOT NULL,
    added_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_board_member PRIMARY KEY (id),
    CONSTRAINT uk_board_member_board_account UNIQUE (board_id, account_id),
    CONSTRAINT fk_board_member_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE,
    CONSTRAINT fk_board_member_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_board_member_account ON board_member (account_id);

CREATE TABLE board_list (
    id          CHAR(36)     NOT NULL,
    board_id    CHAR(36)     NOT NULL,
    name        VARCHAR(400) NOT NULL,
    sort_key    VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    archived    BOOLEAN      NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    updated_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_board_list PRIMARY KEY (id),
    CONSTRAINT uk_board_list_sort_key UNIQUE (board_id, sort_key),
    CONSTRAINT fk_board_list_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);

CREATE TABLE card (
    id           CHAR(36)     NOT NULL,
    board_id     CHAR(36)     NOT NULL,
    list_id      CHAR(36)     NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    description  MEDIUMTEXT   NOT NULL,
    sort_key     VARCHAR(255) NOT NULL COLLATE utf8mb4_bin,
    start_at     DATETIME(6),
    due_at       DATETIME(6),
    archived     BOOLEAN      NOT NULL,
    created_by   CHAR(36)     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    updated_at   DATETIME(6)  NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT pk_card PRIMARY KEY (id),
    CONSTRAINT uk_card_sort_key UNIQUE (list_id, sort_key),
    CONSTRAINT fk_card_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_list FOREIGN KEY (list_id) REFERENCES board_list (id) ON DELETE CASCADE
);
CREATE INDEX ix_card_board ON card (board_id, archived);
CREATE INDEX ix_card_due ON card (due_at);
CREATE INDEX ix_card_start ON card (start_at);

CREATE TABLE card_assignee (
    id           CHAR(36)    NOT NULL,
    card_id      CHAR(36)    NOT NULL,
    board_id     CHAR(36)    NOT NULL,
    account_id   CHAR(36)    NOT NULL,
    assigned_by  CHAR(36)    NOT NULL,
    assigned_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_card_assignee PRIMARY KEY (id),
    CONSTRAINT uk_card_assignee_card_account UNIQUE (card_id, account_id),
    CONSTRAINT fk_card_assignee_card FOREIGN KEY (card_id) REFERENCES card (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_assignee_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_assignee_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_card_assignee_board ON card_assignee (board_id);
CREATE INDEX ix_card_assignee_account ON card_assignee (account_id);

CREATE TABLE label (
    id          CHAR(36)     NOT NULL,
    board_id    CHAR(36)     NOT NULL,
    name        VARCHAR(200) NOT NULL,
    colour      VARCHAR(7)   NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT pk_label PRIMARY KEY (id),
    CONSTRAINT fk_label_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);
CREATE INDEX ix_label_board ON label (board_id);

CREATE TABLE card_label (
    id        CHAR(36) NOT NULL,
    card_id   CHAR(36) NOT NULL,
    label_id  CHAR(36) NOT NULL,
    board_id  CHAR(36) NOT NULL,
    CONSTRAINT pk_card_label PRIMARY KEY (id),
    CONSTRAINT uk_card_label_card_label UNIQUE (card_id, label_id),
    CONSTRAINT fk_card_label_card FOREIGN KEY (card_id) REFERENCES card (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_label_label FOREIGN KEY (label_id) REFERENCES label (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_label_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);
CREATE INDEX ix_card_label_board ON card_label (board_id);

CREATE TABLE checklist_item (
    id          CHAR(36)      NOT NULL,
    card_id     CHAR(36)      NOT NULL,
    board_id    CHAR(36)      NOT NULL,
    content     VARCHAR(2000) NOT NULL,
    done        BOOLEAN       NOT NULL,
    sort_order  INT           NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT pk_checklist_item PRIMARY KEY (id),
    CONSTRAINT fk_checklist_item_card FOREIGN KEY (card_id) REFERENCES card (id) ON DELETE CASCADE,
    CONSTRAINT fk_checklist_item_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);
CREATE INDEX ix_checklist_item_card ON checklist_item (card_id, sort_order);
CREATE INDEX ix_checklist_item_board ON checklist_item (board_id);

CREATE TABLE card_comment (
    id          CHAR(36)    NOT NULL,
    card_id     CHAR(36)    NOT NULL,
    board_id    CHAR(36)    NOT NULL,
    author_id   CHAR(36)    NOT NULL,
    body        MEDIUMTEXT  NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    edited_at   DATETIME(6),
    version     BIGINT      NOT NULL,
    CONSTRAINT pk_card_comment PRIMARY KEY (id),
    CONSTRAINT fk_card_comment_card FOREIGN KEY (card_id) REFERENCES card (id) ON DELETE CASCADE,
    CONSTRAINT fk_card_comment_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);
CREATE INDEX ix_card_comment_card ON card_comment (card_id, created_at, id);
CREATE INDEX ix_card_comment_board ON card_comment (board_id);

CREATE TABLE board_activity (
    id          CHAR(36)    NOT NULL,
    board_id    CHAR(36)    NOT NULL,
    actor_id    CHAR(36)    NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    card_id     CHAR(36),
    details     TEXT        NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_board_activity PRIMARY KEY (id),
    CONSTRAINT fk_board_activity_board FOREIGN KEY (board_id) REFERENCES board (id) ON DELETE CASCADE
);
CREATE INDEX ix_board_activity_board ON board_activity (board_id, created_at, id);
