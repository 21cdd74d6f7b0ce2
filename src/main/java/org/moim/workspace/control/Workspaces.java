package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.moim.identity.control.AccountStore;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/** Creating, listing, changing, deleting and restoring workspaces. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Workspaces {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    WorkspacePolicy policy;

    @Inject
    Clock clock;

    /** A new workspace with the creator as its owner; returns the creator's membership. */
    public Membership create(String accountId, String name, String description, String avatar) {
        Instant now = clock.instant();
        Workspace workspace = new Workspace(WorkspaceTexts.name("name", name),
                WorkspaceTexts.description("description", description), WorkspaceTexts.avatar("avatar", avatar), now);
        Membership owner = new Membership(workspace, accounts.byId(accountId), MemberRole.OWNER, now);
        em.persist(workspace);
        em.persist(owner);
        em.flush();
        return owner;
    }

    /** The caller's live workspaces, newest first (with the caller's membership in each). */
    public Page<Membership> mine(String accountId, int limit, String cursor) {
        return page("m.account.id = :account and w.deletedAt is null", accountId, limit, cursor, null);
    }

    /** Workspaces the caller owns that were deleted and can still be restored. */
    public Page<Membership> deletedByMe(String accountId, int limit, String cursor) {
        return page("m.account.id = :account and m.role = :owner and w.deletedAt > :cutoff", accountId, limit, cursor,
                Workspace.purgeCutoff(clock.instant()));
    }

    private Page<Membership> page(String where, String accountId, int limit, String cursorText, Instant cutoff) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        int size = limit;
        Cursor cursor = Cursor.decode("cursor", cursorText);
        String after = cursor == null ? "" : " and (w.createdAt < :at or (w.createdAt = :at and w.id < :id))";
        TypedQuery<Membership> query = em.createQuery("select m from Membership m join fetch m.workspace w where " + where
                        + after + " order by w.createdAt desc, w.id desc", Membership.class)
                .setParameter("account", accountId)
                .setMaxResults(size + 1);
        if (cutoff != null) {
            query.setParameter("owner", MemberRole.OWNER).setParameter("cutoff", cutoff);
        }
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Membership> found = query.getResultList();
        if (found.size() <= size) {
            return new Page<>(found, null);
        }
        Workspace last = found.get(size - 1).workspace();
        return new Page<>(found.subList(0, size), new Cursor(last.createdAt(), last.id()).encode());
    }

    public Membership get(String workspaceId, String accountId) {
        return policy.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
    }

    /**
     * Changes the fields given (null leaves a field; a blank description or avatar clears it).
     * With {@code expectedVersion}, refuses with {@link StaleVersion} if the workspace changed since.
     */
    public Membership update(String workspaceId, String accountId, Long expectedVersion, String name, String description, String avatar) {
        Membership membership = policy.require(workspaceId, accountId, Action.UPDATE_WORKSPACE);
        Workspace workspace = membership.workspace();
        if (expectedVersion != null && expectedVersion != workspace.version()) {
            throw new StaleVersion(workspace.version());
        }
        Instant now = clock.instant();
        if (name != null) {
            workspace.rename(WorkspaceTexts.name("name", name), now);
        }
        if (description != null) {
            workspace.describe(WorkspaceTexts.description("description", description), now);
        }
        if (avatar != null) {
            workspace.changeAvatar(WorkspaceTexts.avatar("avatar", avatar), now);
        }
        em.flush();
        return membership;
    }

    public void delete(String workspaceId, String accountId) {
        Membership membership = policy.require(workspaceId, accountId, Action.DELETE_WORKSPACE);
        membership.workspace().delete(accountId, clock.instant());
    }

    /** Brings back a deleted workspace (a live one stays as it is). */
    public Membership restore(String workspaceId, String accountId) {
        Membership membership = policy.require(workspaceId, accountId, Action.RESTORE_WORKSPACE);
        membership.workspace().restore(clock.instant());
        em.flush();
        return membership;
    }
}
