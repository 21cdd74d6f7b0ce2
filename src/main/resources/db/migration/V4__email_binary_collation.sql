-- Emails are compared exactly (they are stored lower-cased already). MySQL 8 and MariaDB
-- default to accent-insensitive collations, under which an accented and a plain address were one.
-- COLLATE after NOT NULL is the order both MySQL/MariaDB and H2 (MODE=MySQL) accept.
ALTER TABLE account MODIFY COLUMN email VARCHAR(254) NOT NULL COLLATE utf8mb4_bin;
ALTER TABLE invitation MODIFY COLUMN email VARCHAR(254) NOT NULL COLLATE utf8mb4_bin;
