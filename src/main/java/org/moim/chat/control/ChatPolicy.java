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
import org.moim.workspace.entity.MemberRole;

/**
 * The one place that decides who may do what in a channel. Who reads it: for a DIRECT channel
 * its members who are still in its (live) workspace; for a BOARD channel whoever
 * {@link BoardPolicy} lets see the board. Anyone else gets 404, as if the channel did not exist;
 * a reader whose role lacks the action gets 403 ({@link ChatAction}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChatPolicy {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy boards;

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
        return access;
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
        for (Channel channel : channels) {
            (channel.kind() == ChannelKind.BOARD ? byBoard : byDirect)
                    .put(channel.kind() == ChannelKind.BOARD ? channel.boardId() : channel.id(), accountsByChannel.get(channel.id()));
        }
        Map<String, Map<String, MemberRole>> boardRoles = byBoard.isEmpty() ? Map.of() : boards.viewerRoles(byBoard);
        Map<String, Map<String, MemberRole>> directRoles = byDirect.isEmpty() ? Map.of() : directRoles(byDirect);
        Map<String, Readers> readers = new HashMap<>();
        for (Channel channel : channels) {
            Map<String, MemberRole> roles = channel.kind() == ChannelKind.BOARD ? boardRoles.get(channel.boardId())
                    : directRoles.get(channel.id());
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
     * answer for each): board channels of the boards {@link BoardPolicy} lets them see, and
     * direct conversations they are in. Two queries however many channels.
     */
    public List<String> readableChannelIds(String workspaceId, String accountId) {
        List<String> boardIds = boards.visibleBoardIds(workspaceId, accountId);
        List<String> ids = new java.util.ArrayList<>(em.createQuery("""
                        select c.id from Channel c, ChannelMember cm, Membership m
                        where c.workspaceId = :workspace and c.kind = :direct and cm.channelId = c.id and cm.accountId = :account
                          and m.workspace.id = c.workspaceId and m.account.id = :account and m.workspace.deletedAt is null""",
                        String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("direct", ChannelKind.DIRECT)
                .setParameter("account", accountId)
                .getResultList());
        if (!boardIds.isEmpty()) {
            ids.addAll(em.createQuery("select c.id from Channel c where c.workspaceId = :workspace and c.kind = :board and c.boardId in :boards",
                            String.class)
                    .setParameter("workspace", workspaceId)
                    .setParameter("board", ChannelKind.BOARD)
                    .setParameter("boards", boardIds)
                    .getResultList());
        }
        return ids;
    }

    /** The accounts that read the channel right now. */
    public Set<String> readers(Channel channel) {
        if (channel.kind() == ChannelKind.BOARD) {
            return boards.readers(channel.boardId());
        }
        return new LinkedHashSet<>(em.createQuery("""
                        select cm.accountId from ChannelMember cm, Membership m
                        where cm.channelId = :channel and m.workspace.id = :workspace and m.account.id = cm.accountId
                          and m.workspace.deletedAt is null""", String.class)
                .setParameter("channel", channel.id())
                .setParameter("workspace", channel.workspaceId())
                .getResultList());
    }

    static NotFound notFound() {
        return new NotFound("The channel");
    }
}
