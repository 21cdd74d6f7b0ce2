package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moim.identity.control.AccountStore;
import org.moim.identity.control.EmailUnverified;
import org.moim.identity.control.Emails;
import org.moim.notification.control.Mailer;
import org.moim.identity.entity.Account;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.Invitation;
import org.moim.workspace.entity.Invitation.Status;
import org.moim.workspace.entity.InvitationAnswered;
import org.moim.workspace.entity.InvitationCreated;
import org.moim.workspace.entity.MemberJoining;

import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/**
 * Invitations by email. Nobody becomes a member until they accept; the invitee is whoever has an
 * account with the invited email, now or after registering later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Invitations {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy policy;

    @Inject
    AccountStore accounts;

    @Inject
    Clock clock;

    @Inject
    Mailer mailer;

    @Inject
    InvitationMails mails;

    @Inject
    Event<InvitationCreated> created;

    @Inject
    Event<InvitationAnswered> answered;

    @Inject
    Event<MemberJoining> joining;

    @Inject
    Event<MemberJoined> joined;

    /** What {@link #invite} did: a new invitation, or the one already pending for that email. */
    public record Invited(Invitation invitation, boolean isNew) {
    }

    /**
     * Invites an address and mails it the invitation ({@code appUrl}: the app's root for the
     * mail's link); {@link MailDisabled} on a server that sends no mail.
     */
    public Invited invite(String workspaceId, String accountId, String email, MemberRole role, String appUrl) {
        Membership caller = policy.require(workspaceId, accountId, Action.INVITE_BY_EMAIL);
        if (!mailer.enabled()) {
            throw new MailDisabled();
        }
        if (role == null || role == MemberRole.OWNER) {
            throw new InvalidField("role", "must be MANAGER, MEMBER or GUEST");
        }
        String address = Emails.normalize(email);
        Workspace workspace = caller.workspace();
        long members = em.createQuery("select count(m) from Membership m where m.workspace = :workspace and m.account.email = :email",
                        Long.class)
                .setParameter("workspace", workspace)
                .setParameter("email", address)
                .getSingleResult();
        if (members > 0) {
            throw new AlreadyMember();
        }
        Optional<Invitation> pending = em.createQuery(
                        "select i from Invitation i where i.workspace = :workspace and i.email = :email and i.status = :pending",
                        Invitation.class)
                .setParameter("workspace", workspace)
                .setParameter("email", address)
                .setParameter("pending", Status.PENDING)
                .getResultStream().findFirst();
        if (pending.isPresent()) {
            return new Invited(pending.get(), false);
        }
        Invitation invitation = new Invitation(workspace, address, role, accountId, clock.instant());
        em.persist(invitation);
        em.flush();
        created.fire(new InvitationCreated(invitation.id(), workspace.id(), address, role, accountId));
        mails.mail(invitation, caller.account(), appUrl);
        return new Invited(invitation, true);
    }

    /** Every invitation of the workspace, newest first, whatever its status. */
    public Page<Invitation> ofWorkspace(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("i.createdAt", "i.id", limit, cursor);
        policy.require(workspaceId, accountId, Action.LIST_INVITATIONS);
        return keyset.page(em.createQuery("select i from Invitation i where i.workspace.id = :workspace"
                        + keyset.and() + keyset.orderBy(), Invitation.class)
                .setParameter("workspace", workspaceId), x -> new Cursor(x.createdAt(), x.id()));
    }

    public Invitation revoke(String workspaceId, String accountId, String invitationId) {
        Membership caller = policy.require(workspaceId, accountId, Action.REVOKE_INVITATION);
        Invitation invitation = em.find(Invitation.class, invitationId == null ? "" : invitationId);
        if (invitation == null || !invitation.workspace().id().equals(caller.workspace().id())) {
            throw new NotFound("The invitation");
        }
        if (!invitation.answer(Status.REVOKED, clock.instant()) && invitation.status() != Status.REVOKED) {
            throw new InvitationNotPending(invitation.status().name());
        }
        em.flush();
        return invitation;
    }

    /** A pending invitation with the display name of who sent it (null if that account is gone). */
    public record Pending(Invitation invitation, String inviterName) {
    }

    /**
     * Pending invitations addressed to the caller's email, in live workspaces, with who sent them
     * (one query); none while the address is not verified.
     */
    public Page<Pending> mine(String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("i.createdAt", "i.id", limit, cursor);
        Account me = accounts.byId(accountId);
        if (!me.emailVerified()) {
            return new Page<>(List.of(), null);
        }
        return keyset.page(em.createQuery("select i, a.displayName from Invitation i join fetch i.workspace w"
                                + " left join Account a on a.id = i.invitedBy"
                                + " where i.email = :email and i.status = :pending and w.deletedAt is null"
                                + keyset.and() + keyset.orderBy(), Object[].class)
                        .setParameter("email", me.email())
                        .setParameter("pending", Status.PENDING),
                        row -> new Cursor(((Invitation) row[0]).createdAt(), ((Invitation) row[0]).id()))
                .map(row -> new Pending((Invitation) row[0], (String) row[1]));
    }

    /** Joins the workspace; accepting again answers the same membership. */
    public Membership accept(String accountId, String invitationId) {
        Account me = accounts.byId(accountId);
        Invitation invitation = addressedTo(me, invitationId);
        Optional<Membership> existing = policy.membership(invitation.workspace(), accountId);
        if (invitation.status() == Status.ACCEPTED && existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            // The plan's member limit may refuse (it throws and the invitation stays pending).
            joining.fire(new MemberJoining(invitation.workspace().id(), accountId));
        }
        if (!invitation.answer(Status.ACCEPTED, now)) {
            throw new InvitationNotPending(invitation.status().name());
        }
        // Joined through a link meanwhile: keep the role they have.
        Membership membership = existing.orElseGet(() -> {
            Membership member = new Membership(invitation.workspace(), me, invitation.role(), now);
            em.persist(member);
            return member;
        });
        em.flush();
        answered.fire(new InvitationAnswered(invitation.id(), invitation.workspace().id(), accountId, Status.ACCEPTED));
        if (existing.isEmpty()) {
            joined.fire(new MemberJoined(invitation.workspace().id(), accountId, membership.role(), "invitation"));
        }
        return membership;
    }

    /** Declining again is fine; declining an accepted or revoked invitation is not. */
    public void decline(String accountId, String invitationId) {
        Account me = accounts.byId(accountId);
        Invitation invitation = addressedTo(me, invitationId);
        if (invitation.status() == Status.DECLINED) {
            return;
        }
        if (!invitation.answer(Status.DECLINED, clock.instant())) {
            throw new InvitationNotPending(invitation.status().name());
        }
        em.flush();
        answered.fire(new InvitationAnswered(invitation.id(), invitation.workspace().id(), accountId, Status.DECLINED));
    }

    private Invitation addressedTo(Account me, String invitationId) {
        Invitation invitation = em.find(Invitation.class, invitationId == null ? "" : invitationId);
        if (invitation == null || !invitation.email().equals(me.email()) || invitation.workspace().isDeleted()) {
            throw new NotFound("The invitation");
        }
        if (!me.emailVerified()) {
            throw new EmailUnverified();
        }
        return invitation;
    }

}
