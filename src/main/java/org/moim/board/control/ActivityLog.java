package org.moim.board.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.moim.board.entity.Activity;
import org.moim.board.entity.BoardChanged;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;

/**
 * The board's activity log: one entry per change, written in the change's transaction, read
 * newest first with a cursor.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ActivityLog {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    BoardPolicy policy;

    @Inject
    Clock clock;

    @Inject
    Event<BoardChanged> changed;

    /** An entry as read: the actor's display name joined in. */
    public record Entry(String id, String kind, String actorId, String actorName, String cardId, String details,
                        java.time.Instant createdAt) {
    }

    /**
     * Writes the entry and counts the board's revision one up (an UPDATE of the board row, held
     * until commit, so the revisions of one board are given in commit order without a gap); the
     * board's live viewers hear of it after commit (BoardChanged).
     */
    public void record(String boardId, String actorId, String kind, String cardId, JsonObjectBuilder details) {
        String json = details.build().toString();
        em.persist(new Activity(boardId, actorId, kind, cardId, json, clock.instant()));
        // A board created in this transaction must be in the database before its row is counted.
        em.flush();
        em.createQuery("update Board b set b.revision = b.revision + 1 where b.id = :board")
                .setParameter("board", boardId)
                .executeUpdate();
        Object[] board = em.createQuery("select b.workspaceId, b.revision from Board b where b.id = :board", Object[].class)
                .setParameter("board", boardId)
                .getSingleResult();
        changed.fire(new BoardChanged((String) board[0], boardId, ((Number) board[1]).longValue(), kind, actorId, cardId, json));
    }

    /** Details from names and values; null values are left out, collections become arrays. */
    public static JsonObjectBuilder details(Object... namesAndValues) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean b) {
                builder.add(name, b);
            } else if (value instanceof Integer n) {
                builder.add(name, n);
            } else if (value instanceof Long n) {
                builder.add(name, n);
            } else if (value instanceof Collection<?> values) {
                var array = Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                builder.add(name, array);
            } else {
                builder.add(name, value.toString());
            }
        }
        return builder;
    }

    /** A page of the board's entries (optionally one card's), newest first. */
    public Page<Entry> page(String workspaceId, String boardId, String accountId, String cardId, int limit, String cursorText) {
        policy.access(workspaceId, boardId, accountId, BoardAction.VIEW_ACTIVITY);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_PAGE);
        }
        Cursor cursor = Cursor.decode("cursor", cursorText);
        String where = "a.boardId = :board" + (cardId == null ? "" : " and a.cardId = :card")
                + (cursor == null ? "" : " and (a.createdAt < :at or (a.createdAt = :at and a.id < :id))");
        TypedQuery<Object[]> query = em.createQuery("select a, acc.displayName from Activity a left join Account acc on acc.id = a.actorId where "
                        + where + " order by a.createdAt desc, a.id desc", Object[].class)
                .setParameter("board", boardId)
                .setMaxResults(limit + 1);
        if (cardId != null) {
            query.setParameter("card", cardId);
        }
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        List<Entry> found = query.getResultList().stream().map(row -> {
            Activity a = (Activity) row[0];
            return new Entry(a.id(), a.kind(), a.actorId(), (String) row[1], a.cardId(), a.details(), a.createdAt());
        }).toList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Entry last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Parses stored details (always a JSON object). */
    public static JsonObject parse(String details) {
        try (var reader = Json.createReader(new java.io.StringReader(details))) {
            return reader.readObject();
        }
    }
}
