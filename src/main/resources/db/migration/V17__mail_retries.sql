-- Mail that survives an outage (issue 14, item 7): a job whose attempt failed waits in the
-- database for its next attempt (next_attempt_at), and keeps its queue and message so a poller can
-- queue it again: the broker's own redeliveries (seconds) no longer decide when mail gives up.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

ALTER TABLE job ADD COLUMN queue VARCHAR(64);
ALTER TABLE job ADD COLUMN envelope TEXT;
ALTER TABLE job ADD COLUMN next_attempt_at DATETIME(6);
CREATE INDEX ix_job_next_attempt ON job (status, next_attempt_at);
