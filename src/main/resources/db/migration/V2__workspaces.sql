-- Workspaces, their members, invitations by email and invite links.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB. Text columns are sized in UTF-16 units
-- so that the limits the application counts in code points (name 80, description 2,000, avatar 64)
-- fit on H2 too.

CREATE TABLE workspace (
    id           CHAR(36)      NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(4000) NOT NULL,
    avatar       VARCHAR(128),
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    deleted_at   DATETIME(6),
    deleted_by   CHAR(36),
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_workspace PRIMARY KEY (id)
);
CREATE INDEX ix_workspace_deleted_at ON workspace (deleted_at);
CREATE INDEX ix_workspace_created ON workspace (created_at, id);

CREATE TABLE membership (
    id            CHAR(36)    NOT NULL,
    workspace_id  CHAR(36)    NOT NULL,
    account_id    CHAR(36)    NOT NULL,
    member_role   VARCHAR(16) NOT NULL,
    joined_at     DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL,
    CONSTRAINT pk_membership PRIMARY KEY (id),
    CONSTRAINT uk_membership_workspace_account UNIQUE (workspace_id, account_id),
    CONSTRAINT fk_membership_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_membership_account ON membership (account_id);

CREATE TABLE invitation (
    id            CHAR(36)     NOT NULL,
    workspace_id  CHAR(36)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    member_role   VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    invited_by    CHAR(36)     NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    answered_at   DATETIME(6),
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_invitation PRIMARY KEY (id),
    CONSTRAINT fk_invitation_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX ix_invitation_email_status ON invitation (email, status);
CREATE INDEX ix_invitation_workspace ON invitation (workspace_id, created_at);

CREATE TABLE invite_link (
    id            CHAR(36)    NOT NULL,
    workspace_id  CHAR(36)    NOT NULL,
    member_role   VARCHAR(16) NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    max_uses      INT,
    uses          INT         NOT NULL,
    created_by    CHAR(36)    NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    revoked_at    DATETIME(6),
    CONSTRAINT pk_invite_link PRIMARY KEY (id),
    CONSTRAINT fk_invite_link_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
CREATE INDEX ix_invite_link_workspace ON invite_link (workspace_id, created_at);
