package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.moim.billing.control.PlanLimits;
import org.moim.billing.entity.Limit;
import org.moim.board.entity.Board;
import org.moim.board.entity.BoardDeleted;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.workspace.control.StaleVersion;
import org.moim.workspace.entity.MemberRole;
import org.moim.workspace.entity.Membership;

/** Creating, listing, changing and deleting boards. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Boards {

    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Event<BoardDeleted> deleted;

    @Inject
    BoardPolicy policy;

    @Inject
    PlanLimits plans;

    @Inject
    BoardLimits limits;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /** What a client asks to change on a board; null members stay as they are, blank optional ones are cleared. */
    public record BoardChanges(String name, String description, String colour, String startDate, String deadline, Boolean archived) {
    }

    /** A board in a list of boards, with its number of open (non-archived) cards. */
    public record Summary(Board board, long openCards) {
    }

    public Board create(String workspaceId, String accountId, BoardChanges fields) {
        policy.requireInWorkspace(workspaceId, accountId, BoardAction.CREATE_BOARD);
        plans.requireRoom(workspaceId, Limit.BOARDS, 1);
        Instant now = clock.instant();
        Board board = new Board(workspaceId, BoardTexts.name("name", fields.name(), limits.nameMaxLength()),
                BoardTexts.text("description", fields.description(), limits.descriptionMaxLength(), false), accountId, now);
        board.paint(BoardTexts.colour("colour", fields.colour()), now);
        schedule(board, BoardTexts.date("startDate", fields.startDate()), BoardTexts.date("deadline", fields.deadline()), now);
        em.persist(board);
        // The log refers to the board by id only, so the board's row goes first.
        em.flush();
        activity.record(board.id(), accountId, "board.created", null, ActivityLog.details("name", board.name()));
        em.flush();
        return board;
    }

    /** The boards of the workspace the caller sees, newest first (guests: those they are on). */
    public Page<Summary> page(String workspaceId, String accountId, boolean archived, int limit, String cursorText) {
        Membership membership = policy.requireInWorkspace(workspaceId, accountId, BoardAction.LIST_BOARDS);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = Cursor.decode("cursor", cursorText);
        boolean guest = membership.role() == MemberRole.GUEST;
        TypedQuery<Board> query = em.createQuery("select b from Board b where b.workspaceId = :workspace and b.archived = :archived"
                        + (guest ? " and " + BoardPolicy.onBoardJpql("b", ":account") : "")
                        + (cursor == null ? "" : " and (b.createdAt < :at or (b.createdAt = :at and b.id < :id))")
                        + " order by b.createdAt desc, b.id desc", Board.class)
                .setParameter("workspace", workspaceId)
                .setParameter("archived", archived)
                .setMaxResults(limit + 1);
        if (guest) {
            query.setParameter("account", accountId);
        }
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Board> found = query.getResultList();
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            Board last = found.get(limit - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        Map<String, Long> open = openCards(found.stream().map(Board::id).toList());
        List<Summary> summaries = new ArrayList<>(found.size());
        for (Board board : found) {
            summaries.add(new Summary(board, open.getOrDefault(board.id(), 0L)));
        }
        return new Page<>(summaries, next);
    }

    /** Open cards per board, in one query. */
    private Map<String, Long> openCards(List<String> boardIds) {
        Map<String, Long> counts = new HashMap<>();
        if (boardIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("""
                        select c.board.id, count(c) from Card c
                        where c.board.id in :boards and c.archived = false and c.list.archived = false group by c.board.id""", Object[].class)
                .setParameter("boards", boardIds)
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Changes the fields given. With {@code expectedVersion}, refuses with {@link StaleVersion}
     * carrying {@code current} of the board as it is, if it changed since.
     */
    public Board update(String workspaceId, String boardId, String accountId, Long expectedVersion, BoardChanges changes,
                        Function<Board, ?> current) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.UPDATE_BOARD).board();
        if (expectedVersion != null && expectedVersion != board.version()) {
            throw new StaleVersion(board.version(), current.apply(board));
        }
        Instant now = clock.instant();
        List<String> fields = new ArrayList<>();
        if (changes.name() != null) {
            String name = BoardTexts.name("name", changes.name(), limits.nameMaxLength());
            if (!name.equals(board.name())) {
                board.rename(name, now);
                fields.add("name");
            }
        }
        if (changes.description() != null) {
            String description = BoardTexts.text("description", changes.description(), limits.descriptionMaxLength(), false);
            if (!description.equals(board.description())) {
                board.describe(description, now);
                fields.add("description");
            }
        }
        if (changes.colour() != null) {
            String colour = BoardTexts.colour("colour", changes.colour());
            if (!Objects.equals(colour, board.colour())) {
                board.paint(colour, now);
                fields.add("colour");
            }
        }
        if (changes.startDate() != null || changes.deadline() != null) {
            LocalDate start = changes.startDate() == null ? board.startDate() : BoardTexts.date("startDate", changes.startDate());
            LocalDate deadline = changes.deadline() == null ? board.deadline() : BoardTexts.date("deadline", changes.deadline());
            if (!Objects.equals(start, board.startDate()) || !Objects.equals(deadline, board.deadline())) {
                schedule(board, start, deadline, now);
                fields.add("dates");
            }
        }
        if (!fields.isEmpty()) {
            activity.record(board.id(), accountId, "board.updated", null, ActivityLog.details("fields", fields, "name", board.name()));
        }
        if (changes.archived() != null && changes.archived() != board.archived()) {
            board.archive(changes.archived(), now);
            activity.record(board.id(), accountId, changes.archived() ? "board.archived" : "board.unarchived", null,
                    ActivityLog.details("name", board.name()));
        }
        em.flush();
        return board;
    }

    /** Deletes the board with everything on it (the foreign keys cascade). */
    public void delete(String workspaceId, String boardId, String accountId) {
        Board board = policy.access(workspaceId, boardId, accountId, BoardAction.DELETE_BOARD).board();
        em.createQuery("delete from Board b where b.id = :id").setParameter("id", board.id()).executeUpdate();
        deleted.fire(new BoardDeleted(board.workspaceId(), board.id()));
    }

    private static void schedule(Board board, LocalDate start, LocalDate deadline, Instant now) {
        if (start != null && deadline != null && deadline.isBefore(start)) {
            throw new InvalidField("deadline", "must not be before the start date");
        }
        board.schedule(start, deadline, now);
    }
}
