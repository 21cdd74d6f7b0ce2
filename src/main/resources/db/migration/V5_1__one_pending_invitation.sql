-- At most one pending invitation per workspace and address, even when two people invite the same
-- address at the same moment: pending_email holds the address while the invitation is pending and
-- is NULL afterwards (unique keys allow any number of NULLs).
ALTER TABLE invitation ADD COLUMN pending_email VARCHAR(254) NULL COLLATE utf8mb4_bin;
UPDATE invitation SET pending_email = email WHERE status = 'PENDING'
    AND id IN (SELECT id FROM (SELECT MAX(id) AS id FROM invitation WHERE status = 'PENDING' GROUP BY workspace_id, email) AS newest);
ALTER TABLE invitation ADD CONSTRAINT uk_invitation_pending UNIQUE (workspace_id, pending_email);
