package org.moim.workspace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.moim.identity.control.AccountStore;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.InviteLink;
import org.moim.workspace.entity.MemberJoining;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.MemberJoined;
import org.moim.workspace.entity.Membership;
import org.moim.workspace.entity.Workspace;

/** Invite links: made and revoked by owners and managers, redeemed by anyone signed in. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InviteLinks {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 30;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy policy;

    @Inject
    AccountStore accounts;

    @Inject
    InviteLinkTokens tokens;

    @Inject
    Clock clock;

    @Inject
    Event<MemberJoining> joining;

    @Inject
    Event<MemberJoined> memberJoined;

    public InviteLink create(String workspaceId, String accountId, MemberRole role, Integer expiresInDays, Integer maxUses) {
        Membership caller = policy.require(workspaceId, accountId, Action.CREATE_INVITE_LINK);
        if (role == null || role == MemberRole.OWNER) {
            throw new InvalidField("role", "must be MANAGER, MEMBER or GUEST");
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidField("expiresInDays", "must be between 1 and " + MAX_DAYS);
        }
        if (maxUses != null && maxUses < 1) {
            throw new InvalidField("maxUses", "must be at least 1");
        }
        Instant now = clock.instant();
        InviteLink link = new InviteLink(caller.workspace(), role, now.plus(Duration.ofDays(days)), maxUses, accountId, now);
        em.persist(link);
        em.flush();
        return link;
    }

    public Page<InviteLink> ofWorkspace(String workspaceId, String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("l.createdAt", "l.id", limit, cursor);
        policy.require(workspaceId, accountId, Action.LIST_INVITE_LINKS);
        return keyset.page(em.createQuery("select l from InviteLink l where l.workspace.id = :workspace"
                        + keyset.and() + keyset.orderBy(), InviteLink.class)
                .setParameter("workspace", workspaceId), x -> new Cursor(x.createdAt(), x.id()));
    }

    public InviteLink revoke(String workspaceId, String accountId, String linkId) {
        Membership caller = policy.require(workspaceId, accountId, Action.REVOKE_INVITE_LINK);
        InviteLink link = em.find(InviteLink.class, linkId == null ? "" : linkId);
        if (link == null || !link.workspace().id().equals(caller.workspace().id())) {
            throw new NotFound("The invite link");
        }
        link.revoke(clock.instant());
        em.flush();
        return link;
    }

    /** The token of a link, to show to those who may share it. */
    public String token(InviteLink link) {
        return tokens.issue(link.id(), link.workspace().id(), link.role(), link.expiresAt());
    }

    /**
     * Joins the workspace through a link. Someone who is a member already keeps their role and
     * spends no use. The use is counted last, by one conditional UPDATE, so concurrent
     * redemptions can never exceed the maximum and the row lock is held only until commit.
     */
    public Membership redeem(String accountId, String token) {
        InviteLink link = usable(token);
        Workspace workspace = link.workspace();
        Instant now = clock.instant();
        Optional<Membership> existing = policy.membership(workspace, accountId);
        if (existing.isPresent()) {
            return existing.get();
        }
        // The plan's member limit may refuse (it throws; no use is spent).
        joining.fire(new MemberJoining(workspace.id(), accountId));
        Membership joined = new Membership(workspace, accounts.byId(accountId), link.role(), now);
        em.persist(joined);
        em.flush();
        int counted = em.createQuery("""
                        update InviteLink l set l.uses = l.uses + 1
                        where l.id = :id and l.revokedAt is null and (l.maxUses is null or l.uses < l.maxUses)""")
                .setParameter("id", link.id())
                .executeUpdate();
        if (counted == 0) {
            // Rolls the membership back with the transaction.
            throw new InviteLinkExhausted();
        }
        memberJoined.fire(new MemberJoined(workspace.id(), accountId, joined.role(), "invite-link"));
        return joined;
    }

    /** What the join page shows before anyone presses a button: where the link leads, who made it, whether the caller is in already. */
    public record Preview(Workspace workspace, MemberRole role, String inviterName, Instant expiresAt, Membership membership) {
    }

    /** Reads a link as {@link #redeem} would judge it (the same problems), changing nothing. */
    public Preview preview(String accountId, String token) {
        InviteLink link = usable(token);
        Membership membership = policy.membership(link.workspace(), accountId).orElse(null);
        // As redeeming: a member already is told so, however many uses are left.
        if (membership == null && link.maxUses() != null && link.uses() >= link.maxUses()) {
            throw new InviteLinkExhausted();
        }
        String inviter = em.createQuery("select a.displayName from Account a where a.id = :id", String.class)
                .setParameter("id", link.createdBy())
                .getResultStream().findFirst().orElse(null);
        return new Preview(link.workspace(), link.role(), inviter, link.expiresAt(), membership);
    }

    /** The link of a token that is valid, not revoked, of a live workspace (else the matching problem). */
    private InviteLink usable(String token) {
        InviteLinkTokens.Claim claim = tokens.read(token);
        InviteLink link = em.find(InviteLink.class, claim.linkId());
        if (link == null) {
            throw new InvalidInviteLink();
        }
        tokens.verify(claim, link.workspace().id(), link.role(), clock.instant());
        if (link.isRevoked()) {
            throw new InviteLinkRevoked();
        }
        if (link.workspace().isDeleted()) {
            throw new NotFound("The workspace");
        }
        return link;
    }
}
