package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.moim.board.control.BoardPolicy.Access;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardList;
import org.moim.board.entity.Label;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.entity.MemberRole;

/**
 * The board view: the board with its live lists, their live cards (assignees, label ids,
 * comment counts, checklist progress), its members and labels, in a constant number of SQL
 * statements whatever the number of cards: one per kind of thing, each selecting by board id,
 * joined together in memory.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardViews {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardMembers members;

    @Inject
    Labels labels;

    /** A card as the board shows it. */
    public record CardSummary(String id, String listId, String title, Instant startAt, Instant dueAt, long version,
                              List<Person> assignees, List<String> labelIds, long comments, long checklistDone,
                              long checklistTotal) {
    }

    /** A live list with its live cards in order. */
    public record Column(BoardList list, List<CardSummary> cards) {
    }

    /** Everything the board view shows. */
    public record Snapshot(Board board, MemberRole myRole, Set<BoardAction> myActions, List<Column> lists,
                           List<BoardMembers.Listed> members, List<Label> labels) {
    }

    public Snapshot view(String workspaceId, String boardId, String accountId) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        String id = access.board().id();
        List<BoardList> lists = em.createQuery("select l from BoardList l where l.board.id = :board and l.archived = false order by l.sortKey",
                        BoardList.class)
                .setParameter("board", id).getResultList();
        List<Object[]> rows = em.createQuery("""
                        select c.id, c.list.id, c.title, c.startAt, c.dueAt, c.version from Card c
                        where c.board.id = :board and c.archived = false and c.list.archived = false
                        order by c.sortKey""", Object[].class)
                .setParameter("board", id).getResultList();
        Related related = related("x.boardId = :scope and x.card.archived = false", id);
        Map<String, List<CardSummary>> byList = new LinkedHashMap<>();
        lists.forEach(l -> byList.put(l.id(), new ArrayList<>()));
        for (Object[] row : rows) {
            String cardId = (String) row[0];
            List<CardSummary> column = byList.get((String) row[1]);
            if (column == null) {
                continue;
            }
            column.add(related.summary(row));
        }
        List<Column> columns = lists.stream().map(l -> new Column(l, byList.get(l.id()))).toList();
        Set<BoardAction> actions = EnumSet.noneOf(BoardAction.class);
        for (BoardAction action : BoardAction.values()) {
            if (action.allows(access.role())) {
                actions.add(action);
            }
        }
        return new Snapshot(access.board(), access.role(), actions, columns, members.of(id), labels.of(id));
    }

    /** The board's archived cards (in live or archived lists), most recently changed first, a page at a time. */
    public Page<CardSummary> archived(String workspaceId, String boardId, String accountId, int limit, String cursorText) {
        Access access = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = Cursor.decode("cursor", cursorText);
        TypedQuery<Object[]> query = em.createQuery("select c.id, c.list.id, c.title, c.startAt, c.dueAt, c.version, c.updatedAt"
                        + " from Card c where c.board.id = :board and c.archived = true"
                        + (cursor == null ? "" : " and (c.updatedAt < :at or (c.updatedAt = :at and c.id < :id))")
                        + " order by c.updatedAt desc, c.id desc", Object[].class)
                .setParameter("board", access.board().id())
                .setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Object[]> rows = query.getResultList();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Object[] last = rows.get(limit - 1);
            next = new Cursor((Instant) last[6], (String) last[0]).encode();
        }
        if (rows.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Related related = related("x.card.id in :scope", rows.stream().map(r -> (String) r[0]).toList());
        return new Page<>(rows.stream().map(related::summary).toList(), next);
    }

    /** Assignees, label ids, comment counts and checklist progress of the cards in scope: four queries. */
    private Related related(String scope, Object value) {
        Map<String, List<Person>> assignees = new HashMap<>();
        for (Object[] row : em.createQuery("select x.card.id, x.accountId, acc.displayName from CardAssignee x, Account acc"
                        + " where " + scope + " and acc.id = x.accountId order by acc.displayName, x.accountId", Object[].class)
                .setParameter("scope", value).getResultList()) {
            assignees.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(new Person((String) row[1], (String) row[2]));
        }
        Map<String, List<String>> cardLabels = new HashMap<>();
        for (Object[] row : em.createQuery("select x.card.id, x.label.id from CardLabel x where " + scope
                        + " order by x.label.createdAt, x.label.id", Object[].class)
                .setParameter("scope", value).getResultList()) {
            cardLabels.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        Map<String, Long> comments = new HashMap<>();
        for (Object[] row : em.createQuery("select x.card.id, count(x) from Comment x where " + scope + " group by x.card.id", Object[].class)
                .setParameter("scope", value).getResultList()) {
            comments.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, long[]> checklists = new HashMap<>();
        for (Object[] row : em.createQuery("select x.card.id, count(x), sum(case when x.done = true then 1 else 0 end)"
                        + " from ChecklistItem x where " + scope + " group by x.card.id", Object[].class)
                .setParameter("scope", value).getResultList()) {
            checklists.put((String) row[0], new long[] {((Number) row[2]).longValue(), ((Number) row[1]).longValue()});
        }
        return new Related(assignees, cardLabels, comments, checklists);
    }

    private record Related(Map<String, List<Person>> assignees, Map<String, List<String>> labels, Map<String, Long> comments,
                           Map<String, long[]> checklists) {

        /** A card row (id, list id, title, startAt, dueAt, version) with what hangs off it. */
        CardSummary summary(Object[] row) {
            String cardId = (String) row[0];
            long[] progress = checklists.getOrDefault(cardId, new long[2]);
            return new CardSummary(cardId, (String) row[1], (String) row[2], (Instant) row[3], (Instant) row[4],
                    ((Number) row[5]).longValue(), assignees.getOrDefault(cardId, List.of()), labels.getOrDefault(cardId, List.of()),
                    comments.getOrDefault(cardId, 0L), progress[0], progress[1]);
        }
    }
}
