-- Calendar: workspace events with their attendees, and each person's iCalendar feed token.
-- Portable between H2 (MODE=MySQL) and MySQL 8 / MariaDB. Text columns are sized in UTF-16 units
-- so that the limits the application counts in code points (title 200, location 500,
-- description 4,000) fit on H2 too.
--
-- A timed event has start_at/end_at (UTC instants); an all-day event has start_date/end_date
-- (calendar dates, end exclusive) and no instants, so no time zone ever shifts its days.

CREATE TABLE calendar_event (
    id            CHAR(36)      NOT NULL,
    workspace_id  CHAR(36)      NOT NULL,
    title         VARCHAR(400)  NOT NULL,
    description   VARCHAR(8000) NOT NULL,
    location      VARCHAR(1000) NOT NULL,
    all_day       BOOLEAN       NOT NULL,
    start_at      DATETIME(6),
    end_at        DATETIME(6),
    start_date    DATE,
    end_date      DATE,
    created_by    CHAR(36)      NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_calendar_event PRIMARY KEY (id),
    CONSTRAINT fk_calendar_event_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id) ON DELETE CASCADE,
    CONSTRAINT fk_calendar_event_creator FOREIGN KEY (created_by) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_calendar_event_timed ON calendar_event (workspace_id, start_at);
CREATE INDEX ix_calendar_event_all_day ON calendar_event (workspace_id, start_date);
CREATE INDEX ix_calendar_event_creator ON calendar_event (created_by);

CREATE TABLE calendar_attendee (
    event_id    CHAR(36) NOT NULL,
    account_id  CHAR(36) NOT NULL,
    CONSTRAINT pk_calendar_attendee PRIMARY KEY (event_id, account_id),
    CONSTRAINT fk_calendar_attendee_event FOREIGN KEY (event_id) REFERENCES calendar_event (id) ON DELETE CASCADE,
    CONSTRAINT fk_calendar_attendee_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_calendar_attendee_account ON calendar_attendee (account_id);

-- At most one feed per account; only the SHA-256 (hex) of its token is kept.
CREATE TABLE calendar_feed (
    id          CHAR(36)    NOT NULL,
    account_id  CHAR(36)    NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_calendar_feed PRIMARY KEY (id),
    CONSTRAINT uk_calendar_feed_account UNIQUE (account_id),
    CONSTRAINT uk_calendar_feed_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
