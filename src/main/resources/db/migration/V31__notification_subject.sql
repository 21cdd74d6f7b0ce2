-- The notices of one subject (e.g. the chat.channel notices of a message): the @channel fan-out
-- (docs/jobs.md, moim.chat-channel-notices) asks whether a redelivered message's notices were
-- written already. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
CREATE INDEX ix_notification_subject ON notification (subject_id, kind);
