-- Voice messages: a file's conversion to audio every browser plays (docs/files.md, "Voice
-- messages"). NONE for every file that is no voice message.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

ALTER TABLE stored_file ADD COLUMN conversion VARCHAR(16) DEFAULT 'NONE' NOT NULL;
ALTER TABLE stored_file ADD COLUMN conversion_job_id CHAR(36);
