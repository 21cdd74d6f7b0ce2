package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.moim.board.control.BoardAction;
import org.moim.board.control.BoardPolicy;
import org.moim.board.entity.Board;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.ChannelMember;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.Forbidden;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/**
 * Finding and opening channels, and the list of a workspace's channels someone reads with their
 * unread counts. Opening is get-or-create: the same people in the same workspace always get the
 * same direct channel, a board always the same channel, even when two people open it at once
 * (an insert that ignores a duplicate key, then a read).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Channels {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    @Inject
    BoardPolicy boards;

    @Inject
    ChatPolicy policy;

    @Inject
    Clock clock;

    /**
     * A channel someone reads, with its direct members (empty for other kinds) and their read
     * state: unread messages, how many of those mention them (or say {@code @channel} in a channel
     * they have not muted), and whether they muted it.
     */
    public record Listed(Channel channel, List<String> memberIds, long readSequence, long unread, long mentions, boolean muted) {
    }

    @Inject
    jakarta.enterprise.inject.Instance<WorkspaceChannels> named;

    /** The direct channel of the caller and {@code otherIds} in the workspace, created if it is new. */
    public Listed openDirect(String workspaceId, String accountId, Collection<String> otherIds) {
        Membership caller = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        if (!ChatAction.START_DIRECT.allows(caller.role())) {
            throw new Forbidden("Your role in this workspace (" + caller.role() + ") does not allow starting a conversation.");
        }
        Set<String> members = new LinkedHashSet<>();
        members.add(accountId);
        if (otherIds != null) {
            otherIds.stream().filter(id -> id != null && id.length() <= 36).forEach(members::add);
        }
        if (members.size() < 2 || members.size() > Channel.MAX_DIRECT_MEMBERS) {
            throw new InvalidField("accountIds", "must name 1 to " + (Channel.MAX_DIRECT_MEMBERS - 1) + " other members of the workspace");
        }
        List<String> found = em.createQuery(
                        "select m.account.id from Membership m where m.workspace.id = :workspace and m.account.id in :ids", String.class)
                .setParameter("workspace", workspaceId)
                .setParameter("ids", members)
                .getResultList();
        if (found.size() != members.size()) {
            throw new InvalidField("accountIds", "must all be members of the workspace");
        }
        String key = Channel.memberKey(members);
        Instant now = clock.instant();
        String newId = UUID.randomUUID().toString();
        insertIgnoringDuplicate(newId, workspaceId, ChannelKind.DIRECT, null, key, accountId, now);
        Channel channel = em.createQuery("select c from Channel c where c.workspaceId = :workspace and c.memberKey = :key", Channel.class)
                .setParameter("workspace", workspaceId)
                .setParameter("key", key)
                .getSingleResult();
        if (channel.id().equals(newId)) {
            members.forEach(member -> em.persist(new ChannelMember(newId, member, now)));
        }
        return listed(channel, accountId, List.copyOf(members));
    }

    /**
     * The board's channel, created on first use, if the caller may see the board (else 404); with
     * a {@code workspaceId} the board must be in that workspace.
     */
    public Listed forBoard(String workspaceId, String boardId, String accountId) {
        Board board = boards.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD).board();
        insertIgnoringDuplicate(UUID.randomUUID().toString(), board.workspaceId(), ChannelKind.BOARD, board.id(), null, accountId,
                clock.instant());
        Channel channel = em.createQuery("select c from Channel c where c.boardId = :board", Channel.class)
                .setParameter("board", boardId)
                .getSingleResult();
        return listed(channel, accountId, List.of());
    }

    /** One channel the caller reads (404 otherwise). */
    public Listed get(String channelId, String accountId) {
        ChatPolicy.Access access = policy.require(channelId, accountId, ChatAction.READ);
        Channel channel = access.channel();
        List<String> members = channel.kind() == ChannelKind.DIRECT ? members(List.of(channel.id())).getOrDefault(channel.id(), List.of())
                : List.of();
        return listed(channel, accountId, members);
    }

    /**
     * The workspace's channels the caller reads, with unread and mention counts: the direct ones
     * they are in, the channels of the boards they see (board channels exist once someone opened
     * them), and the workspace channels they are in (general for everyone but guests, created
     * here if it is new). Oldest first, a page at a time; four statements however many channels.
     */
    @SuppressWarnings("unchecked")
    public Page<Listed> page(String workspaceId, String accountId, int limit, String cursor) {
        Membership caller = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        Keyset keyset = Keyset.oldestFirst("c.createdAt", "c.id", limit, cursor);
        if (caller.role() != MemberRole.GUEST) {
            named.get().ensureGeneral(caller.workspace().id(), accountId);
        }
        // Who reads what is ChatPolicy's rule; unread messages that mention the caller, or say
        // @channel in a workspace channel they have not muted, count as mentions.
        Query query = em.createNativeQuery("""
                        SELECT c.id, COALESCE(r.seq, 0),
                               (SELECT COUNT(*) FROM chat_message m WHERE m.channel_id = c.id AND m.seq > COALESCE(r.seq, 0)
                                  AND m.deleted_at IS NULL AND m.sender_id <> ?2),
                               (SELECT COUNT(*) FROM chat_message m WHERE m.channel_id = c.id AND m.seq > COALESCE(r.seq, 0)
                                  AND m.deleted_at IS NULL AND m.sender_id <> ?2
                                  AND (m.mentions LIKE ?3 OR (c.kind = 'WORKSPACE' AND mu.account_id IS NULL AND m.body LIKE '%@channel%'))),
                               CASE WHEN mu.account_id IS NULL THEN 0 ELSE 1 END
                        FROM chat_channel c
                        JOIN membership w ON w.workspace_id = c.workspace_id AND w.account_id = ?2
                        LEFT JOIN chat_read r ON r.channel_id = c.id AND r.account_id = ?2
                        LEFT JOIN chat_mute mu ON mu.channel_id = c.id AND mu.account_id = ?2
                        WHERE c.workspace_id = ?1 AND (""" + ChatPolicy.READS_CHANNEL_SQL + ")"
                        + keyset.andSql("c.created_at", "c.id", 4) + keyset.orderBySql("c.created_at", "c.id"))
                .setParameter(1, workspaceId)
                .setParameter(2, accountId)
                .setParameter(3, "%" + accountId + "%");
        List<Object[]> rows = keyset.bind(query, 4).getResultList();
        if (rows.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
        Map<String, Channel> channels = new HashMap<>();
        em.createQuery("select c from Channel c where c.id in :ids", Channel.class).setParameter("ids", ids)
                .getResultList().forEach(c -> channels.put(c.id(), c));
        List<String> direct = channels.values().stream().filter(c -> c.kind() == ChannelKind.DIRECT).map(Channel::id).toList();
        Map<String, List<String>> members = direct.isEmpty() ? Map.of() : members(direct);
        List<Listed> listed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Channel channel = channels.get((String) row[0]);
            listed.add(new Listed(channel, channel.kind() == ChannelKind.DIRECT ? members.getOrDefault(channel.id(), List.of()) : List.of(),
                    ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).intValue() == 1));
        }
        return keyset.pageOf(listed, l -> new Cursor(l.channel().createdAt(), l.channel().id()).encode());
    }

    private Map<String, List<String>> members(List<String> channelIds) {
        Map<String, List<String>> members = new HashMap<>();
        em.createQuery("select cm.channelId, cm.accountId from ChannelMember cm where cm.channelId in :ids order by cm.joinedAt, cm.accountId",
                        Object[].class)
                .setParameter("ids", channelIds)
                .getResultList()
                .forEach(row -> members.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]));
        return members;
    }

    private Listed listed(Channel channel, String accountId, List<String> members) {
        List<Long> read = em.createQuery("select r.seq from ReadMarker r where r.channelId = :channel and r.accountId = :account", Long.class)
                .setParameter("channel", channel.id())
                .setParameter("account", accountId)
                .getResultList();
        long readSeq = read.isEmpty() ? 0 : read.get(0);
        boolean muted = channel.kind() == ChannelKind.WORKSPACE && !em.createQuery(
                        "select 1 from ChannelMute m where m.channelId = :channel and m.accountId = :account")
                .setParameter("channel", channel.id()).setParameter("account", accountId).getResultList().isEmpty();
        return new Listed(channel, members, readSeq, ReadMarkers.unread(em, channel.id(), accountId, readSeq), 0, muted);
    }

    /** INSERT … ON DUPLICATE KEY UPDATE (MySQL, MariaDB and H2 in MySQL mode): a concurrent twin is no error. */
    private void insertIgnoringDuplicate(String id, String workspaceId, ChannelKind kind, String boardId, String memberKey,
                                         String createdBy, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO chat_channel (id, workspace_id, kind, board_id, member_key, last_seq, created_by, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7) ON DUPLICATE KEY UPDATE last_seq = last_seq""")
                .setParameter(1, id).setParameter(2, workspaceId).setParameter(3, kind.name()).setParameter(4, boardId)
                .setParameter(5, memberKey).setParameter(6, createdBy).setParameter(7, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }
}
