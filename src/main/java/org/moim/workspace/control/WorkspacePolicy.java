package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/**
 * The one place that decides who may do what in a workspace. Every use case starts here.
 *
 * <p>Not a member (or no such workspace, or a deleted one): 404, exactly as if it did not exist.
 * A member whose role lacks the action: 403. See {@code docs/permissions.md}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkspacePolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    /** The caller's membership (with its workspace) if the caller may do {@code action} there. */
    public Membership require(String workspaceId, String accountId, Action action) {
        List<Membership> found = workspaceId == null || accountId == null ? List.of() : em.createQuery("""
                        select m from Membership m join fetch m.workspace w
                        where w.id = :workspace and m.account.id = :account""", Membership.class)
                .setParameter("workspace", workspaceId)
                .setParameter("account", accountId)
                .getResultList();
        if (found.isEmpty()) {
            throw notFound();
        }
        Membership membership = found.get(0);
        Workspace workspace = membership.workspace();
        if (workspace.isDeleted()) {
            // Gone for everyone; only an owner may still bring it back, and only in time.
            boolean restoring = action.appliesToDeletedWorkspace() && workspace.isRestorable(clock.instant())
                    && action.allows(membership.role());
            if (!restoring) {
                throw notFound();
            }
        }
        return require(membership, action);
    }

    /** A second check on a membership {@link #require(String, String, Action)} returned. */
    public Membership require(Membership membership, Action action) {
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role in this workspace (" + membership.role() + ") does not allow " + action + ".");
        }
        return membership;
    }

    static NotFound notFound() {
        return new NotFound("The workspace");
    }

    /** The account's membership of the workspace, if it has one (the one query for that). */
    public Optional<Membership> membership(Workspace workspace, String accountId) {
        return em.createQuery("select m from Membership m where m.workspace = :workspace and m.account.id = :account",
                        Membership.class)
                .setParameter("workspace", workspace)
                .setParameter("account", accountId)
                .getResultStream().findFirst();
    }
}
