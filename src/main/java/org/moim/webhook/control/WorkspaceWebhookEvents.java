package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.moim.identity.entity.Account;
import org.moim.workspace.entity.Invitation;
import org.moim.workspace.entity.InvitationAnswered;
import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.MemberLeft;
import org.moim.workspace.entity.Workspace;

/**
 * The workspace's own events as webhook events, in the transaction of the change: members who
 * joined or left, invitations answered. Names are read only when some webhook wants the event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WorkspaceWebhookEvents {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WebhookEvents events;

    void joined(@Observes MemberJoined event) {
        events.publish(event.workspaceId(), WebhookEvents.MEMBER_JOINED, () -> {
            String name = name(event.accountId());
            return new WebhookEvents.Event(member(event.accountId(), name).add("role", event.role().name()).add("via", event.via()).build(),
                    name + " joined “" + workspaceName(event.workspaceId()) + "” as " + event.role());
        });
    }

    void left(@Observes MemberLeft event) {
        events.publish(event.workspaceId(), WebhookEvents.MEMBER_LEFT, () -> {
            String name = name(event.accountId());
            JsonObjectBuilder data = member(event.accountId(), name).add("role", event.role().name());
            if (event.removedBy() == null) {
                data.addNull("removedBy");
                return new WebhookEvents.Event(data.build(), name + " left “" + workspaceName(event.workspaceId()) + "”");
            }
            data.add("removedBy", event.removedBy());
            return new WebhookEvents.Event(data.build(), name + " was removed from “" + workspaceName(event.workspaceId()) + "” by "
                    + name(event.removedBy()));
        });
    }

    void answered(@Observes InvitationAnswered event) {
        events.publish(event.workspaceId(), WebhookEvents.INVITATION_ANSWERED, () -> {
            String name = name(event.accountId());
            String outcome = event.outcome() == Invitation.Status.ACCEPTED ? "accepted" : "declined";
            return new WebhookEvents.Event(member(event.accountId(), name).add("invitationId", event.invitationId())
                    .add("outcome", event.outcome().name()).build(),
                    name + " " + outcome + " the invitation to “" + workspaceName(event.workspaceId()) + "”");
        });
    }

    private static JsonObjectBuilder member(String accountId, String name) {
        return Json.createObjectBuilder().add("accountId", accountId).add("displayName", name);
    }

    private String name(String accountId) {
        return Optional.ofNullable(em.find(Account.class, accountId)).map(Account::displayName).orElse("Someone");
    }

    private String workspaceName(String workspaceId) {
        return Optional.ofNullable(em.find(Workspace.class, workspaceId)).map(Workspace::name).orElse("a workspace");
    }
}
