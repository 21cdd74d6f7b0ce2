package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;
import org.moim.workspace.entity.Invitation;
import org.moim.workspace.entity.InvitationAnswered;
import org.moim.workspace.entity.InvitationCreated;

/**
 * Tells people about invitations, in the same transaction: the invitee (when an account has that
 * email) that they were invited, the inviter how the invitee answered.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InvitationNotices {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    Inbox inbox;

    void invited(@Observes InvitationCreated event) {
        // Only the verified holder of the address is found by it.
        accounts.byEmail(event.email()).filter(Account::emailVerified).ifPresent(invitee -> {
            Invitation invitation = em.find(Invitation.class, event.invitationId());
            Account inviter = accounts.byId(event.invitedBy());
            String workspace = invitation.workspace().name();
            inbox.deliver(new NotificationDraft("invitation.received", event.invitedBy(), event.workspaceId(),
                    "invitation", event.invitationId(),
                    Map.of("actor", inviter.displayName(), "workspace", workspace, "role", String.valueOf(event.role())),
                    null, "#/invitations"), List.of(invitee.id()));
        });
    }

    void answered(@Observes InvitationAnswered event) {
        Invitation invitation = em.find(Invitation.class, event.invitationId());
        Account invitee = accounts.byId(event.accountId());
        String outcome = event.outcome() == Invitation.Status.ACCEPTED ? "accepted" : "declined";
        inbox.deliver(new NotificationDraft("invitation.answered", event.accountId(), event.workspaceId(),
                "invitation", event.invitationId(),
                Map.of("actor", invitee.displayName(), "outcome", outcome, "workspace", invitation.workspace().name()),
                null, "#/w/" + event.workspaceId() + "/members"), List.of(invitation.invitedBy()));
    }
}
