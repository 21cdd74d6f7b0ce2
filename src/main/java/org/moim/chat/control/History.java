package org.moim.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moim.billing.control.PlanLimits;
import org.moim.chat.entity.AttachedFile;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.Message;
import org.moim.chat.entity.MessageState;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.search.SearchIndex;
import org.moim.platform.search.SearchQuery;
import org.moim.platform.search.Sql;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;

/**
 * Reading messages back: a channel's history by sequence (before or after a number, which is the
 * cursor), the replay a resuming subscriber gets, and search. Each answer costs the same few
 * statements whatever its size: the check, the plan's history window, the messages, their reactions,
 * their files.
 * Messages older than the workspace plan's window ({@link PlanLimits#historyVisibleFrom}) are left
 * out of all three, never deleted: they are back when the plan allows them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class History {

    public static final int MAX_LIMIT = 200;
    /** Messages in the search index ({@link SearchIndex}). */
    public static final char INDEX_KIND = 'M';

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    ChatPolicy policy;

    @Inject
    WorkspacePolicy workspaces;

    @Inject
    PlanLimits limits;

    @Inject
    SearchIndex index;

    @Inject
    Instance<MessageAttachments> attachments;

    /**
     * A message with its reactions, grouped by emoji in the order they were first given, and its
     * files in their order (none once it is deleted: they stay with the channel).
     */
    public record Item(MessageState message, Map<String, List<String>> reactions, List<AttachedFile> attachments) {
    }

    /**
     * Messages in ascending sequence; {@code more}: there are more in the direction asked for;
     * {@code visibleFrom}: older messages are hidden by the plan (null: none are).
     */
    public record Slice(List<Item> items, boolean more, Instant visibleFrom) {
    }

    /**
     * Up to {@code limit} messages of the channel: after {@code after} (oldest first), or before
     * {@code before}, or the latest (both null); {@code thread} keeps one thread's replies.
     */
    public Slice page(String channelId, String accountId, Long before, Long after, String thread, int limit) {
        if (before != null && after != null) {
            throw new InvalidField("after", "give either before or after, not both");
        }
        checkLimit(limit);
        Channel channel = policy.require(channelId, accountId, ChatAction.READ).channel();
        return slice(channelId, before, after, thread, limit, visibleFrom(channel.workspaceId()));
    }

    /** The channel's last sequence number, as committed now. */
    public long lastSequence(String channelId) {
        return em.createQuery("select c.lastSeq from Channel c where c.id = :id", Long.class)
                .setParameter("id", channelId).getSingleResult();
    }

    /** What a subscriber resuming after {@code after} missed, oldest first (access checked by the caller). */
    public Slice replay(String channelId, long after, int limit) {
        Channel channel = em.find(Channel.class, channelId);
        return slice(channelId, null, after, null, limit, channel == null ? null : visibleFrom(channel.workspaceId()));
    }

    /**
     * Messages of the workspace's channels the caller reads ({@link ChatPolicy#readableChannelIds})
     * whose text contains {@code query} (case-insensitive, any part of a word), newest first. The
     * trigram index ({@link SearchIndex}) finds the candidates; LIKE on the text confirms them.
     * Five statements whatever the size of the workspace: membership, channels (two), the plan's
     * window, the search; then the page's reactions and files.
     */
    public Page<Item> search(String workspaceId, String accountId, String query, String cursor, int limit) {
        String q = SearchQuery.require(query);
        checkLimit(limit);
        Cursor after = Cursor.decode("cursor", cursor);
        workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        List<String> channels = policy.readableChannelIds(workspaceId, accountId);
        if (channels.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Instant from = visibleFrom(workspaceId);
        Sql sql = new Sql("SELECT m.id FROM chat_message m WHERE").in(" m.channel_id", channels)
                .add(" AND m.deleted_at IS NULL AND LOWER(m.body) LIKE ? ESCAPE '!'", Sql.containing(q));
        if (from != null) {
            sql.add(" AND m.created_at >= ?", from);
        }
        if (after != null) {
            sql.add(" AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))", after.createdAt(), after.createdAt(), after.id());
        }
        index.candidates(sql.add(" AND"), "m.id", INDEX_KIND, q)
                .add(" ORDER BY m.created_at DESC, m.id DESC LIMIT ?", limit + 1);
        @SuppressWarnings("unchecked")
        List<String> ids = sql.query(em).getResultList();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<String, Message> byId = new java.util.HashMap<>();
        em.createQuery("select m from Message m where m.id in :ids", Message.class).setParameter("ids", ids).getResultList()
                .forEach(m -> byId.put(m.id(), m));
        List<Message> rows = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        boolean more = rows.size() > limit;
        List<Message> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id()).encode() : null;
        return new Page<>(items(page), next);
    }

    private Instant visibleFrom(String workspaceId) {
        return limits.historyVisibleFrom(workspaceId).orElse(null);
    }

    private Slice slice(String channelId, Long before, Long after, String thread, int limit, Instant from) {
        boolean ascending = after != null;
        String jpql = "select m from Message m where m.channelId = :channel"
                + (from != null ? " and m.createdAt >= :from" : "")
                + (after != null ? " and m.seq > :after" : "")
                + (before != null ? " and m.seq < :before" : "")
                + (thread != null ? " and m.parentId = :thread" : "")
                + (ascending ? " order by m.seq asc" : " order by m.seq desc");
        TypedQuery<Message> query = em.createQuery(jpql, Message.class)
                .setParameter("channel", channelId)
                .setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("after", after);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        if (thread != null) {
            query.setParameter("thread", thread);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        List<Message> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Message> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        if (!ascending) {
            Collections.reverse(page);
        }
        return new Slice(items(page), more, from);
    }

    private List<Item> items(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, List<String>>> reactions = new LinkedHashMap<>();
        em.createQuery("""
                        select r.messageId, r.emoji, r.accountId from Reaction r where r.messageId in :ids
                        order by r.createdAt, r.accountId""", Object[].class)
                .setParameter("ids", messages.stream().map(Message::id).toList())
                .getResultList()
                .forEach(row -> reactions.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add((String) row[2]));
        List<String> live = messages.stream().filter(m -> !m.isDeleted()).map(Message::id).toList();
        Map<String, List<AttachedFile>> files = live.isEmpty() || attachments.isUnsatisfied() ? Map.of() : attachments.get().of(live);
        return messages.stream()
                .map(m -> new Item(m.state(), reactions.getOrDefault(m.id(), Map.of()), files.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
    }

}
