package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardList;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.control.StaleVersion;

/** The lists (columns) of a board: creating, renaming, archiving and moving them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BoardLists {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    BoardLimits limits;

    @Inject
    Positions positions;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /** A new list, at the end unless placed after or before another one. */
    public BoardList create(String workspaceId, String boardId, String accountId, String name, String afterListId, String beforeListId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LISTS).board();
        String checkedName = BoardTexts.name("name", name, limits.nameMaxLength());
        positions.lock(board);
        long count = em.createQuery("select count(l) from BoardList l where l.board = :board", Long.class)
                .setParameter("board", board).getSingleResult();
        if (count >= limits.listsPerBoard()) {
            throw new BoardLimitReached("name", "lists on a board", limits.listsPerBoard());
        }
        BoardList list = new BoardList(board, checkedName, positions.forList(board, null, afterListId, beforeListId), clock.instant());
        em.persist(list);
        activity.record(board.id(), accountId, "list.created", null, ActivityLog.details("listId", list.id(), "name", list.name()));
        em.flush();
        return list;
    }

    /** The board's lists in board order: the live ones, or the archived ones. */
    public List<BoardList> list(String workspaceId, String boardId, String accountId, boolean archived) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_BOARD).board();
        return em.createQuery("select l from BoardList l where l.board = :board and l.archived = :archived order by l.sortKey",
                        BoardList.class)
                .setParameter("board", board)
                .setParameter("archived", archived)
                .getResultList();
    }

    /** Renames and/or (un)archives; with {@code expectedVersion}, refuses a stale change with the current list. */
    public BoardList update(String workspaceId, String boardId, String accountId, String listId, Long expectedVersion,
                            String name, Boolean archived, Function<BoardList, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LISTS).board();
        BoardList list = find(board, listId);
        if (expectedVersion != null && expectedVersion != list.version()) {
            throw new StaleVersion(list.version(), current.apply(list));
        }
        Instant now = clock.instant();
        if (name != null) {
            String checked = BoardTexts.name("name", name, limits.nameMaxLength());
            if (!checked.equals(list.name())) {
                String old = list.name();
                list.rename(checked, now);
                activity.record(board.id(), accountId, "list.renamed", null,
                        ActivityLog.details("listId", list.id(), "from", old, "name", checked));
            }
        }
        if (archived != null && archived != list.archived()) {
            list.archive(archived, now);
            activity.record(board.id(), accountId, archived ? "list.archived" : "list.unarchived", null,
                    ActivityLog.details("listId", list.id(), "name", list.name()));
        }
        em.flush();
        return list;
    }

    /** Moves a list right after or right before another list of the board (or to the end). */
    public BoardList move(String workspaceId, String boardId, String accountId, String listId, Long expectedVersion,
                          String afterListId, String beforeListId, Function<BoardList, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.MANAGE_LISTS).board();
        positions.lock(board);
        BoardList list = find(board, listId);
        if (expectedVersion != null && expectedVersion != list.version()) {
            throw new StaleVersion(list.version(), current.apply(list));
        }
        list.moveTo(positions.forList(board, list, afterListId, beforeListId), clock.instant());
        activity.record(board.id(), accountId, "list.moved", null, ActivityLog.details("listId", list.id(), "name", list.name(),
                "afterListId", afterListId, "beforeListId", beforeListId));
        em.flush();
        return list;
    }

    /** A list of the board, else 404. */
    BoardList find(Board board, String listId) {
        BoardList list = listId == null ? null : em.find(BoardList.class, listId);
        if (list == null || !list.board().id().equals(board.id())) {
            throw new NotFound("The list");
        }
        return list;
    }
}
