package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.moim.workspace.entity.Workspace;

/**
 * Removes workspaces whose restore window has passed, with their members, invitations, links and
 * boards with everything on them (the foreign keys cascade; {@code BoardSchemaTest} proves it for
 * the boards). Idempotent, so every node of a cluster may run it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkspacePurge {

    private static final Logger LOG = Logger.getLogger(WorkspacePurge.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /** Deletes every workspace deleted more than the restore window before {@code now}; returns how many. */
    public int purgeExpired(Instant now) {
        int purged = deleteDeletedBefore(Workspace.purgeCutoff(now));
        if (purged > 0) {
            LOG.info(() -> "Purged " + purged + " workspaces deleted before " + Workspace.purgeCutoff(now));
        }
        return purged;
    }

    int deleteDeletedBefore(Instant cutoff) {
        return em.createQuery("delete from Workspace w where w.deletedAt is not null and w.deletedAt <= :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
