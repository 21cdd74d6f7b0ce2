-- The gallery: comments and reactions on pictures (image files). A picture is a stored_file whose
-- content type is image/*; its comments and reactions go with it (ON DELETE CASCADE), so a deleted
-- picture leaves nothing behind and answers 404 like any deleted file.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE gallery_comment (
    id          CHAR(36)      NOT NULL,
    file_id     CHAR(36)      NOT NULL,
    author_id   CHAR(36),
    body        VARCHAR(8000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_gallery_comment PRIMARY KEY (id),
    CONSTRAINT fk_gallery_comment_file FOREIGN KEY (file_id) REFERENCES stored_file (id) ON DELETE CASCADE,
    CONSTRAINT fk_gallery_comment_author FOREIGN KEY (author_id) REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX ix_gallery_comment_file ON gallery_comment (file_id, created_at, id);

-- One row per person, picture and reaction code (a small fixed palette, see PictureReaction).
CREATE TABLE gallery_reaction (
    file_id     CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    code        VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_gallery_reaction PRIMARY KEY (file_id, account_id, code),
    CONSTRAINT fk_gallery_reaction_file FOREIGN KEY (file_id) REFERENCES stored_file (id) ON DELETE CASCADE,
    CONSTRAINT fk_gallery_reaction_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

