-- Search: the trigram index (org.moim.platform.search). One row per distinct lower-cased
-- character trigram of a document, plus its last two- and one-character grams; a space is
-- written as U+2423 because MariaDB's PAD SPACE collations would make 'ab ' equal 'ab'.
-- doc_kind: M = chat message, K = card (its title, description and comments together).
-- Portable between H2 (MODE=MySQL) and MariaDB / MySQL 8.

CREATE TABLE search_gram (
    doc_kind  CHAR(1)     NOT NULL,
    gram      VARCHAR(12) NOT NULL COLLATE utf8mb4_bin,
    doc_id    CHAR(36)    NOT NULL,
    CONSTRAINT pk_search_gram PRIMARY KEY (doc_kind, gram, doc_id)
);
CREATE INDEX ix_search_gram_doc ON search_gram (doc_kind, doc_id);

-- Index what exists already, the way Grams.of does it in Java: positions 1..100000 of each text.
CREATE TABLE search_digit (d INT NOT NULL);
INSERT INTO search_digit (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
CREATE TABLE search_position (i INT NOT NULL, CONSTRAINT pk_search_position PRIMARY KEY (i));
INSERT INTO search_position (i)
SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d
FROM search_digit a, search_digit b, search_digit c, search_digit e, search_digit f;

INSERT INTO search_gram (doc_kind, gram, doc_id)
SELECT DISTINCT 'M', SUBSTRING(REPLACE(LOWER(m.body), ' ', '␣'), p.i, 3), m.id
FROM chat_message m JOIN search_position p ON p.i <= CHAR_LENGTH(m.body)
WHERE m.deleted_at IS NULL AND m.body IS NOT NULL;

INSERT INTO search_gram (doc_kind, gram, doc_id)
SELECT 'K', x.gram, x.doc_id FROM (
    SELECT SUBSTRING(REPLACE(LOWER(c.title), ' ', '␣'), p.i, 3) AS gram, c.id AS doc_id
    FROM card c JOIN search_position p ON p.i <= CHAR_LENGTH(c.title)
    UNION
    SELECT SUBSTRING(REPLACE(LOWER(c.description), ' ', '␣'), p.i, 3), c.id
    FROM card c JOIN search_position p ON p.i <= CHAR_LENGTH(c.description)
    UNION
    SELECT SUBSTRING(REPLACE(LOWER(k.body), ' ', '␣'), p.i, 3), k.card_id
    FROM card_comment k JOIN search_position p ON p.i <= CHAR_LENGTH(k.body)
) x;

DROP TABLE search_position;
DROP TABLE search_digit;
