-- Files on chat messages. A file is on at most one message (its primary key), in the order the
-- sender gave (sort_order). The file's own row says where it lives (target message:<id>, scope
-- channel:<id>), so who sees it follows the channel. Deleting a message keeps the link (history
-- shows a deleted message without its files); deleting the file or the message row removes it.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB.

CREATE TABLE chat_message_file (
    file_id     CHAR(36) NOT NULL,
    message_id  CHAR(36) NOT NULL,
    sort_order  INT      NOT NULL,
    CONSTRAINT pk_chat_message_file PRIMARY KEY (file_id),
    CONSTRAINT uk_chat_message_file_order UNIQUE (message_id, sort_order),
    CONSTRAINT fk_chat_message_file_message FOREIGN KEY (message_id) REFERENCES chat_message (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_message_file_file FOREIGN KEY (file_id) REFERENCES stored_file (id) ON DELETE CASCADE
);
