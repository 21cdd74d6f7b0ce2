package org.moim.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.board.control.BoardSearch;
import org.moim.board.entity.Board;
import org.moim.chat.control.History;
import org.moim.chat.entity.Channel;
import org.moim.chat.entity.ChannelKind;
import org.moim.file.control.FileCatalog;
import org.moim.file.control.FileQuery;
import org.moim.file.entity.StoredFile;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.search.SearchQuery;
import org.moim.platform.search.Sql;
import org.moim.workspace.control.Action;
import org.moim.workspace.control.WorkspacePolicy;
import org.moim.workspace.entity.Membership;

/**
 * One search over the kinds asked for, each answered by its own feature under its own read rule
 * (see the package description). A fixed number of statements per kind, whatever the data.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Search {

    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    WorkspacePolicy workspaces;

    @Inject
    History history;

    @Inject
    BoardSearch boards;

    @Inject
    FileCatalog files;

    /** Where a message was written: its channel's kind, the board for a board channel, the name of a workspace channel. */
    public record Place(ChannelKind kind, String boardId, String boardName, String channelName) {
    }

    /** The matching messages with their places and their senders' names. */
    public record Messages(Page<History.Item> page, Map<String, Place> places, Map<String, String> senders) {
    }

    /** A page per kind asked for (null for a kind not asked for). */
    public record Results(String query, Messages messages, Page<BoardSearch.CardHit> cards, Page<StoredFile> files,
                          Page<Membership> people, Page<Board> boards) {
    }

    public Results search(String workspaceId, String accountId, String query, Set<SearchKind> kinds, String cursor, int limit) {
        String q = SearchQuery.require(query);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be 1 to " + MAX_LIMIT);
        }
        if (cursor != null && !cursor.isBlank() && kinds.size() != 1) {
            throw new InvalidField("cursor", "continues one kind: give exactly one in kinds");
        }
        Membership me = workspaces.require(workspaceId, accountId, Action.VIEW_WORKSPACE);
        return new Results(q,
                kinds.contains(SearchKind.MESSAGES) ? messages(history.search(workspaceId, accountId, q, cursor, limit)) : null,
                kinds.contains(SearchKind.CARDS) ? boards.cards(workspaceId, accountId, q, cursor, limit) : null,
                kinds.contains(SearchKind.FILES)
                        ? files.list(workspaceId, accountId, FileQuery.of(null, null, null, q, "date", "desc", limit, cursor)) : null,
                kinds.contains(SearchKind.PEOPLE) ? people(me, q, cursor, limit) : null,
                kinds.contains(SearchKind.BOARDS) ? boards.boards(workspaceId, accountId, q, cursor, limit) : null);
    }

    private Messages messages(Page<History.Item> page) {
        if (page.items().isEmpty()) {
            return new Messages(page, Map.of(), Map.of());
        }
        Set<String> channelIds = new HashSet<>();
        Set<String> senderIds = new HashSet<>();
        page.items().forEach(item -> {
            channelIds.add(item.message().channelId());
            senderIds.add(item.message().senderId());
        });
        Map<String, Place> places = new HashMap<>();
        em.createQuery("select c.id, c.kind, c.boardId, b.name, c.name from Channel c left join Board b on b.id = c.boardId"
                        + " where c.id in :ids", Object[].class)
                .setParameter("ids", channelIds).getResultList()
                .forEach(row -> places.put((String) row[0], new Place((ChannelKind) row[1], (String) row[2], (String) row[3], (String) row[4])));
        Map<String, String> senders = new HashMap<>();
        em.createQuery("select a.id, a.displayName from Account a where a.id in :ids", Object[].class)
                .setParameter("ids", senderIds).getResultList()
                .forEach(row -> senders.put((String) row[0], (String) row[1]));
        return new Messages(page, places, senders);
    }

    /** Members whose name or email contains the query, for those whose role may list members (others get none). */
    private Page<Membership> people(Membership me, String q, String cursorText, int limit) {
        Cursor after = Cursor.decode("cursor", cursorText);
        if (!Action.LIST_MEMBERS.allows(me.role())) {
            return new Page<>(List.of(), null);
        }
        TypedQuery<Membership> select = em.createQuery("select m from Membership m join fetch m.account a where m.workspace.id = :workspace"
                        + " and (lower(a.displayName) like :pattern escape '!' or lower(a.email) like :pattern escape '!')"
                        + (after == null ? "" : " and (m.joinedAt < :at or (m.joinedAt = :at and m.id < :id))")
                        + " order by m.joinedAt desc, m.id desc", Membership.class)
                .setParameter("workspace", me.workspace().id())
                .setParameter("pattern", Sql.containing(q))
                .setMaxResults(limit + 1);
        if (after != null) {
            select.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        List<Membership> rows = select.getResultList();
        boolean more = rows.size() > limit;
        List<Membership> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new Cursor(page.get(page.size() - 1).joinedAt(), page.get(page.size() - 1).id()).encode() : null;
        return new Page<>(page, next);
    }
}
