-- A workspace channel's settings version (name, topic, description, archived): PATCH, archive and
-- unarchive take it as If-Match, so two managers editing at once never lose one's change.
-- Counted by the entity itself, not by JPA's @Version: the row's last_seq moves with every posted
-- message, which must not count. Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.
ALTER TABLE chat_channel ADD COLUMN settings_version BIGINT NOT NULL DEFAULT 0;
