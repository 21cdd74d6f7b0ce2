-- A board's revision: one more for every change on it (each activity entry), so a client that
-- follows the board live can tell when it missed a change (docs/realtime-protocol.md, boards).
ALTER TABLE board ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
