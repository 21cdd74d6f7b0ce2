-- Files: content-addressed blobs, the files people see (a name, a workspace, maybe an attachment
-- target) and each workspace's storage usage.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB. Names are counted in code points by the
-- application (at most 255) and sized here in UTF-16 units so they fit on H2 too.

-- One row per distinct content (SHA-256) kept in storage. Its row lock serialises an upload that
-- reuses the content with the sweep that deletes content nobody references any more.
CREATE TABLE file_blob (
    sha256      CHAR(64)    NOT NULL,
    size_bytes  BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_file_blob PRIMARY KEY (sha256)
);

CREATE TABLE stored_file (
    id               CHAR(36)     NOT NULL,
    workspace_id     CHAR(36)     NOT NULL,
    name             VARCHAR(510) NOT NULL,
    sort_name        VARCHAR(510) NOT NULL,
    size_bytes       BIGINT       NOT NULL,
    content_type     VARCHAR(127) NOT NULL,
    sha256           CHAR(64)     NOT NULL,
    uploader_id      CHAR(36),
    target_kind      VARCHAR(16),
    target_id        VARCHAR(64),
    scope_kind       VARCHAR(16),
    scope_id         VARCHAR(64),
    thumbnail        VARCHAR(16)  NOT NULL,
    thumbnail_job_id CHAR(36),
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_stored_file PRIMARY KEY (id),
    CONSTRAINT fk_stored_file_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_stored_file_blob FOREIGN KEY (sha256) REFERENCES file_blob (sha256),
    CONSTRAINT fk_stored_file_uploader FOREIGN KEY (uploader_id) REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ix_stored_file_created ON stored_file (workspace_id, created_at, id);
CREATE INDEX ix_stored_file_name ON stored_file (workspace_id, sort_name, id);
CREATE INDEX ix_stored_file_size ON stored_file (workspace_id, size_bytes, id);
CREATE INDEX ix_stored_file_uploader ON stored_file (workspace_id, uploader_id, created_at);
CREATE INDEX ix_stored_file_scope ON stored_file (workspace_id, scope_kind, scope_id, created_at);
CREATE INDEX ix_stored_file_target ON stored_file (target_kind, target_id);
CREATE INDEX ix_stored_file_sha256 ON stored_file (sha256);
CREATE INDEX ix_stored_file_thumbnail_job ON stored_file (thumbnail_job_id);

-- Bytes and files per workspace, changed in the transaction that adds or removes a file; the
-- quota is checked by one conditional UPDATE, so concurrent uploads never exceed it together.
CREATE TABLE file_usage (
    workspace_id CHAR(36) NOT NULL,
    used_bytes   BIGINT   NOT NULL,
    file_count   BIGINT   NOT NULL,
    CONSTRAINT pk_file_usage PRIMARY KEY (workspace_id),
    CONSTRAINT fk_file_usage_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE
);
