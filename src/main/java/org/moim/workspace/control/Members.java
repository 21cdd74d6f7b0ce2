package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;

import org.moim.workspace.entity.MemberLeft;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.MemberRoleChanged;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/**
 * The member directory and everything that changes who is in a workspace with which role. Any
 * change that can take away an owner locks the workspace row first, so two owners leaving at
 * once cannot leave it ownerless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Members {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy policy;

    @Inject
    Event<MemberLeft> left;

    @Inject
    Event<MemberRoleChanged> roleChanged;

    /** One page of the workspace's members, in the order they joined (with their accounts, in one query). */
    public Page<Membership> list(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.oldestFirst("m.joinedAt", "m.id", limit, cursor);
        policy.require(workspaceId, accountId, Action.LIST_MEMBERS);
        return keyset.page(em.createQuery("select m from Membership m join fetch m.account where m.workspace.id = :workspace"
                        + keyset.and() + keyset.orderBy(), Membership.class)
                .setParameter("workspace", workspaceId), m -> new Cursor(m.joinedAt(), m.id()));
    }

    public Membership changeRole(String workspaceId, String accountId, String memberId, MemberRole role) {
        Membership caller = policy.require(workspaceId, accountId, Action.CHANGE_MEMBER_ROLE);
        if (role == null) {
            throw new InvalidField("role", "must not be null");
        }
        Membership target = member(caller.workspace(), memberId);
        if (role == MemberRole.OWNER || target.role() == MemberRole.OWNER) {
            policy.require(caller, Action.MANAGE_OWNERS);
            lock(caller.workspace());
            if (target.role() == MemberRole.OWNER && role != MemberRole.OWNER && owners(caller.workspace()) <= 1) {
                throw new LastOwner();
            }
        }
        MemberRole before = target.role();
        target.changeRole(role);
        em.flush();
        if (before != role) {
            roleChanged.fire(new MemberRoleChanged(workspaceId, memberId, before, role));
        }
        return target;
    }

    public void remove(String workspaceId, String accountId, String memberId) {
        Membership caller = policy.require(workspaceId, accountId, Action.REMOVE_MEMBER);
        Membership target = member(caller.workspace(), memberId);
        if (target.role() == MemberRole.OWNER) {
            policy.require(caller, Action.MANAGE_OWNERS);
        }
        leaveOrRemove(target, memberId, accountId);
    }

    public void leave(String workspaceId, String accountId) {
        leaveOrRemove(policy.require(workspaceId, accountId, Action.LEAVE_WORKSPACE), accountId, null);
    }

    /** The new owner must be a member already; the caller stays on as a manager. */
    public Membership transfer(String workspaceId, String accountId, String newOwnerId) {
        Membership caller = policy.require(workspaceId, accountId, Action.TRANSFER_OWNERSHIP);
        Membership target = member(caller.workspace(), newOwnerId);
        if (target.id().equals(caller.id())) {
            throw new InvalidField("accountId", "must be another member");
        }
        lock(caller.workspace());
        target.changeRole(MemberRole.OWNER);
        caller.changeRole(MemberRole.MANAGER);
        em.flush();
        return caller;
    }

    /** {@code removedBy}: who removed the member, or null when they leave themselves. */
    private void leaveOrRemove(Membership membership, String memberAccountId, String removedBy) {
        if (membership.role() == MemberRole.OWNER) {
            lock(membership.workspace());
            if (owners(membership.workspace()) <= 1) {
                throw new LastOwner();
            }
        }
        MemberLeft event = new MemberLeft(membership.workspace().id(), memberAccountId, membership.role(), removedBy);
        em.remove(membership);
        em.flush();
        left.fire(event);
    }

    private Membership member(Workspace workspace, String memberAccountId) {
        return policy.membership(workspace, memberAccountId).orElseThrow(() -> new NotFound("The member"));
    }

    /** A locking read: it sees owners committed after this transaction began (InnoDB snapshots do not). */
    private long owners(Workspace workspace) {
        return em.createQuery("select m from Membership m where m.workspace = :workspace and m.role = :owner", Membership.class)
                .setParameter("workspace", workspace)
                .setParameter("owner", MemberRole.OWNER)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().size();
    }

    private void lock(Workspace workspace) {
        em.lock(workspace, LockModeType.PESSIMISTIC_WRITE);
    }
}
