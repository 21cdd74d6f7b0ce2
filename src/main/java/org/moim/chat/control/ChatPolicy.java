package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.moim.board.control.BoardAction;
import org.moim.board.control.BoardPolicy;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * The one place that decides who may do what in a channel. Who reads it: for a DIRECT channel,
 * and a WORKSPACE channel other than general (public or private), its members who are still in
 * its (live) workspace; for the general channel every OWNER, MANAGER and MEMBER of the workspace;
 * for a BOARD channel whoever {@link BoardPolicy} lets see the board. Anyone else gets 404, as if
 * the channel did not exist; a reader whose role lacks the action gets 403 ({@link ChatAction},
 * {@link ChannelAction}); an archived channel is read-only ({@link ChannelArchived}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy boards;

    @Inject
    WorkspacePolicy workspaces;

    /**
     * The same rule as SQL, for the queries that list what someone reads (channel lists, search):
     * a condition on {@code c} (chat_channel) given {@code w} (the caller's membership row of
     * {@code c}'s workspace) and {@code ?2} (the caller's account id).
     */
    public static final String READS_CHANNEL_SQL = """
            ((c.kind = 'DIRECT' OR (c.kind = 'WORKSPACE' AND c.id <> c.workspace_id))
               AND EXISTS (SELECT 1 FROM chat_member cm WHERE cm.channel_id = c.id AND cm.account_id = ?2))
            OR (c.kind = 'WORKSPACE' AND c.id = c.workspace_id AND w.member_role <> 'GUEST')
            OR (c.kind = 'BOARD' AND (w.member_role <> 'GUEST'
                 OR""" + " " + BoardPolicy.onBoardSql("c.board_id", "?2") + "))";

    /** A channel the caller reads, with the caller's role in its workspace. */
    public record Access(Channel channel, MemberRole role, String accountId) {
    }

    public Access require(String channelId, String accountId, ChatAction action) {
        return require(access(channelId, accountId), action);
    }

    public Access require(Access access, ChatAction action) {
        return check(access, action);
    }

    private static Access check(Access access, ChatAction action) {
        if (!action.allows(access.role()) || action == ChatAction.DELETE_ANY && access.channel().kind() == ChannelKind.DIRECT) {
            throw new Forbidden("Your role (" + access.role() + ") does not allow " + action + " in this channel.");
        }
        if (action != ChatAction.READ && access.channel().isArchived()) {
            throw new ChannelArchived();
        }
        return access;
    }

    /**
     * A workspace channel the caller reads (else 404, also for other kinds of channel), if their
     * role allows the action (else 403) and the channel is not archived for an action that changes
     * it (else {@link ChannelArchived}).
     */
    public Access require(String channelId, String accountId, ChannelAction action) {
        Access access = access(channelId, accountId);
        if (access.channel().kind() != ChannelKind.WORKSPACE) {
            throw notFound();
        }
        if (!action.allows(access.role())) {
            throw new Forbidden("Your role (" + access.role() + ") does not allow " + action + " in this channel.");
        }
        if (action.refusedWhenArchived() && access.channel().isArchived()) {
            throw new ChannelArchived();
        }
        return access;
    }

    /** The caller's membership of the workspace (else 404) if their role allows the action (else 403). */
    public Membership requireInWorkspace(String workspaceId, String accountId, ChannelAction action) {
        Membership membership = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!action.allows(membership.role())) {
            throw new Forbidden("Your role (" + membership.role() + ") does not allow " + action + " in this workspace.");
        }
        return membership;
    }

    /** Those among some accounts who read a channel, with their roles: many senders checked at once. */
    public record Readers(Channel channel, Map<String, MemberRole> roles) {

        /** As {@link ChatPolicy#require(String, String, ChatAction)} would answer for the account. */
        public Access require(String accountId, ChatAction action) {
            MemberRole role = roles.get(accountId);
            if (role == null) {
                throw notFound();
            }
            return check(new Access(channel, role, accountId), action);
        }
    }

    /**
     * Locks the channels' rows in one statement (posting numbers messages under them) and finds
     * which of the accounts given for each channel read it: four statements at most, however
     * many channels and accounts. A channel that does not exist is absent from the answer.
     */
    public Map<String, Readers> readersLocked(Map<String, ? extends Collection<String>> accountsByChannel) {
        Set<String> ids = new TreeSet<>();
        accountsByChannel.keySet().stream().filter(id -> id != null && id.length() <= 36).forEach(ids::add);
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Channel> channels = em.createQuery("select c from Channel c where c.id in :ids order by c.id", Channel.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<String, Collection<String>> byBoard = new HashMap<>();
        Map<String, Collection<String>> byDirect = new HashMap<>();
        Map<String, Collection<String>> byGeneral = new HashMap<>();
        for (Channel channel : channels) {
            if (channel.kind() == ChannelKind.BOARD) {
                byBoard.put(channel.boardId(), accountsByChannel.get(channel.id()));
            } else {
                (channel.isGeneral() ? byGeneral : byDirect).put(channel.id(), accountsByChannel.get(channel.id()));
            }
        }
        Map<String, Map<String, MemberRole>> boardRoles = byBoard.isEmpty() ? Map.of() : boards.viewerRoles(byBoard);
        Map<String, Map<String, MemberRole>> directRoles = byDirect.isEmpty() ? Map.of() : directRoles(byDirect);
        Map<String, Map<String, MemberRole>> generalRoles = byGeneral.isEmpty() ? Map.of() : generalRoles(byGeneral);
        Map<String, Readers> readers = new HashMap<>();
        for (Channel channel : channels) {
            Map<String, MemberRole> roles = channel.kind() == ChannelKind.BOARD ? boardRoles.get(channel.boardId())
                    : channel.isGeneral() ? generalRoles.get(channel.id()) : directRoles.get(channel.id());
            readers.put(channel.id(), new Readers(channel, roles == null ? Map.of() : roles));
        }
        return readers;
    }

    /** For each direct channel, the roles of those among its accounts who are its members in its live workspace. */
    private Map<String, Map<String, MemberRole>> directRoles(Map<String, Collection<String>> accountsByChannel) {
        Map<String, Map<String, MemberRole>> roles = new HashMap<>();
        Set<String> accounts = new HashSet<>();
        accountsByChannel.values().forEach(accounts::addAll);
        em.createQuery("""
                        select cm.channelId, m.account.id, m.role from Membership m, ChannelMember cm, Channel c
                        where cm.channelId in :channels and cm.accountId in :accounts and c.id = cm.channelId
                          and m.workspace.id = c.workspaceId and m.account.id = cm.accountId and m.workspace.deletedAt is null""",
                        Object[].class)
                .setParameter("channels", accountsByChannel.keySet())
                .setParameter("accounts", accounts)
                .getResultList()
                .forEach(row -> {
                    if (accountsByChannel.get((String) row[0]).contains((String) row[1])) {
                        roles.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((String) row[1], (MemberRole) row[2]);
                    }
                });
        return roles;
    }

    /** For each general channel (its id is its workspace's), the roles of those among its accounts who read it. */
    private Map<String, Map<String, MemberRole>> generalRoles(Map<String, Collection<String>> accountsByChannel) {
        Map<String, Map<String, MemberRole>> roles = new HashMap<>();
        Set<String> accounts = new HashSet<>();
        accountsByChannel.values().forEach(accounts::addAll);
        em.createQuery("""
                        select m.workspace.id, m.account.id, m.role from Membership m
                        where m.workspace.id in :workspaces and m.account.id in :accounts and m.role <> :guest
                          and m.workspace.deletedAt is null""", Object[].class)
                .setParameter("workspaces", accountsByChannel.keySet())
                .setParameter("accounts", accounts)
                .setParameter("guest", MemberRole.GUEST)
                .getResultList()
                .forEach(row -> {
                    if (accountsByChannel.get((String) row[0]).contains((String) row[1])) {
                        roles.computeIfAbsent((String) row[0], id -> new HashMap<>()).put((String) row[1], (MemberRole) row[2]);
                    }
                });
        return roles;
    }

    private Access access(String channelId, String accountId) {
        Channel channel = channelId == null || channelId.length() > 36 || accountId == null ? null
                : em.find(Channel.class, channelId);
        if (channel == null) {
            throw notFound();
        }
        MemberRole role;
        if (channel.kind() == ChannelKind.BOARD) {
            try {
                role = boards.access(channel.workspaceId(), channel.boardId(), accountId, BoardAction.VIEW_BOARD).role();
            } catch (NotFound | Forbidden e) {
                throw notFound();
            }
        } else if (channel.isGeneral()) {
            List<MemberRole> roles = em.createQuery("""
                            select m.role from Membership m
                            where m.workspace.id = :workspace and m.account.id = :account and m.role <> :guest
                              and m.workspace.deletedAt is null""", MemberRole.class)
                    .setParameter("workspace", channel.workspaceId())
                    .setParameter("account", accountId)
                    .setParameter("guest", MemberRole.GUEST)
                    .getResultList();
            if (roles.isEmpty()) {
                throw notFound();
            }
            role = roles.get(0);
        } else {
            List<MemberRole> roles = em.createQuery("""
                            select m.role from Membership m, ChannelMember cm
                            where cm.channelId = :channel and cm.accountId = :account
                              and m.workspace.id = :workspace and m.account.id = :account and m.workspace.deletedAt is null""",
                            MemberRole.class)
                    .setParameter("channel", channel.id())
                    .setParameter("account", accountId)
                    .setParameter("workspace", channel.workspaceId())
                    .getResultList();
            if (roles.isEmpty()) {
                throw notFound();
            }
            role = roles.get(0);
        }
        return new Access(channel, role, accountId);
    }

    /**
     * The ids of the workspace's channels the caller reads (as {@link #require} with READ would
     * answer for each): by {@link #READS_CHANNEL_SQL}, the one statement of who reads what (board
     * channels of the boards they see, direct conversations and workspace channels they are in,
     * {@code #general} unless a guest), for a member of a workspace that still exists. One query
     * however many channels.
     */
    public List<String> readableChannelIds(String workspaceId, String accountId) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("""
                        SELECT c.id FROM chat_channel c
                        JOIN membership w ON w.workspace_id = c.workspace_id AND w.account_id = ?2
                        JOIN workspace ws ON ws.id = c.workspace_id AND ws.deleted_at IS NULL
                        WHERE c.workspace_id = ?1 AND (""" + READS_CHANNEL_SQL + ")")
                .setParameter(1, workspaceId)
                .setParameter(2, accountId)
                .getResultList();
        return ids;
    }

    /** The accounts that read the channel right now. */
    public Set<String> readers(Channel channel) {
        if (channel.kind() == ChannelKind.BOARD) {
            return boards.readers(channel.boardId());
        }
        if (channel.isGeneral()) {
            return new LinkedHashSet<>(em.createQuery("""
                            select m.account.id from Membership m
                            where m.workspace.id = :workspace and m.role <> :guest and m.workspace.deletedAt is null
                            order by m.joinedAt, m.account.id""", String.class)
                    .setParameter("workspace", channel.workspaceId())
                    .setParameter("guest", MemberRole.GUEST)
                    .getResultList());
        }
        return new LinkedHashSet<>(em.createQuery("""
                        select cm.accountId from ChannelMember cm, Membership m
                        where cm.channelId = :channel and m.workspace.id = :workspace and m.account.id = cm.accountId
                          and m.workspace.deletedAt is null
                        order by cm.joinedAt, cm.accountId""", String.class)
                .setParameter("channel", channel.id())
                .setParameter("workspace", channel.workspaceId())
                .getResultList());
    }

    static NotFound notFound() {
        return new NotFound("The channel");
    }
}
