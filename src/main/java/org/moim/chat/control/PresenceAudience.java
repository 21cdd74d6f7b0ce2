package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;

/**
 * Who hears whose presence: the members of a workspace hear each other's, if their role lets
 * them see the member directory ({@code LIST_MEMBERS}: not guests, to whom the directory is
 * closed as well).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PresenceAudience {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    /** The workspace's members, whose presence the caller may follow (404 / 403 otherwise). */
    public List<String> membersFor(String workspaceId, String accountId) {
        workspaces.require(workspaceId, accountId, Action.LIST_MEMBERS);
        return em.createQuery("select m.account.id from Membership m where m.workspace.id = :workspace", String.class)
                .setParameter("workspace", workspaceId)
                .getResultList();
    }

    /** The live workspaces the account is in: where its presence is told. */
    public List<String> workspacesOf(String accountId) {
        return em.createQuery("""
                        select m.workspace.id from Membership m where m.account.id = :account and m.workspace.deletedAt is null""",
                        String.class)
                .setParameter("account", accountId)
                .getResultList();
    }
}
