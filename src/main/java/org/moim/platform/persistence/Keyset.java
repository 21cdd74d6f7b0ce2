package org.moim.platform.persistence;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.moim.platform.problem.InvalidField;

/**
 * One page of a list read by keyset: the query orders by a time (or, for lists of people and
 * channels read by name, a name) and an id, asks for one row more than the page, and the next page
 * starts after the last row ({@link Cursor}, the one cursor format of the API). A page is one
 * statement whatever the list's length.
 *
 * <pre>{@code
 * Keyset keyset = Keyset.oldestFirst("m.joinedAt", "m.id", limit, cursor);
 * TypedQuery<Membership> query = em.createQuery("select m from Membership m where m.workspace.id = :w"
 *         + keyset.and() + keyset.orderBy(), Membership.class).setParameter("w", workspaceId);
 * return keyset.page(query, m -> new Cursor(m.joinedAt(), m.id()));
 * }</pre>
 *
 * {@code limit} is 1 to {@link #MAX_LIMIT} (a 400 on field {@code limit} otherwise); a cursor not
 * given out by the API is a 400 on field {@code cursor}.
 */
public final class Keyset {

    /** The largest page any list gives, and the default a resource asks for. */
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    private final String keyPath;
    private final String idPath;
    private final boolean newestFirst;
    private final int limit;
    private final Cursor after;
    private final Cursor.Named afterName;

    private Keyset(String keyPath, String idPath, boolean newestFirst, boolean byName, int limit, String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        this.keyPath = keyPath;
        this.idPath = idPath;
        this.newestFirst = newestFirst;
        this.limit = limit;
        this.after = byName ? null : Cursor.decode("cursor", cursor);
        this.afterName = byName ? Cursor.Named.decode("cursor", cursor) : null;
    }

    public static Keyset oldestFirst(String timePath, String idPath, int limit, String cursor) {
        return new Keyset(timePath, idPath, false, false, limit, cursor);
    }

    public static Keyset newestFirst(String timePath, String idPath, int limit, String cursor) {
        return new Keyset(timePath, idPath, true, false, limit, cursor);
    }

    /** By a name (the database's collation decides the order), then by id; the cursor is a {@link Cursor.Named}. */
    public static Keyset byName(String namePath, String idPath, int limit, String cursor) {
        return new Keyset(namePath, idPath, false, true, limit, cursor);
    }

    /** The condition that starts the page after the cursor ({@code ""} on the first page), to append to a where clause. */
    public String and() {
        if (after == null && afterName == null) {
            return "";
        }
        String beyond = newestFirst ? " < " : " > ";
        return " and (" + keyPath + beyond + ":keysetAt or (" + keyPath + " = :keysetAt and " + idPath + beyond + ":keysetId))";
    }

    public String orderBy() {
        String direction = newestFirst ? " desc" : "";
        return " order by " + keyPath + direction + ", " + idPath + direction;
    }

    /**
     * For native SQL (positional parameters only): the condition that starts the page after the
     * cursor, with {@code ?position} for the key and {@code ?position+1} for the id, given the
     * columns' SQL; bind them with {@link #bind}. A time is bound as its UTC {@link LocalDateTime},
     * as the other native statements bind instants.
     */
    public String andSql(String keyColumn, String idColumn, int position) {
        if (after == null && afterName == null) {
            return "";
        }
        String beyond = newestFirst ? " < " : " > ";
        String key = "?" + position;
        String id = "?" + (position + 1);
        return " AND (" + keyColumn + beyond + key + " OR (" + keyColumn + " = " + key + " AND " + idColumn + beyond + id + "))";
    }

    /** The order of {@link #andSql}'s columns. */
    public String orderBySql(String keyColumn, String idColumn) {
        String direction = newestFirst ? " DESC" : "";
        return " ORDER BY " + keyColumn + direction + ", " + idColumn + direction;
    }

    /** Binds {@link #andSql}'s parameters (nothing on the first page) and asks for one row more than the page. */
    public Query bind(Query query, int position) {
        if (after != null) {
            query.setParameter(position, LocalDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC)).setParameter(position + 1, after.id());
        }
        if (afterName != null) {
            query.setParameter(position, afterName.name()).setParameter(position + 1, afterName.id());
        }
        return query.setMaxResults(limit + 1);
    }

    /** The page of rows a {@link #bind bound} native query found (one more than the page when there is a next one). */
    public <T> Page<T> pageOf(List<T> found, Function<T, String> encodedCursorOf) {
        if (found.size() <= limit) {
            return new Page<>(List.copyOf(found), null);
        }
        List<T> items = found.subList(0, limit);
        return new Page<>(List.copyOf(items), encodedCursorOf.apply(items.get(limit - 1)));
    }

    /** Binds the cursor, reads one row more than the page and says where the next page starts (lists by time). */
    public <T> Page<T> page(TypedQuery<T> query, Function<T, Cursor> cursorOf) {
        return read(query, row -> cursorOf.apply(row).encode());
    }

    /** The same for a list {@link #byName}. */
    public <T> Page<T> pageByName(TypedQuery<T> query, Function<T, Cursor.Named> cursorOf) {
        return read(query, row -> cursorOf.apply(row).encode());
    }

    private <T> Page<T> read(TypedQuery<T> query, Function<T, String> encodedCursorOf) {
        if (after != null) {
            query.setParameter("keysetAt", after.createdAt()).setParameter("keysetId", after.id());
        }
        if (afterName != null) {
            query.setParameter("keysetAt", afterName.name()).setParameter("keysetId", afterName.id());
        }
        return pageOf(query.setMaxResults(limit + 1).getResultList(), encodedCursorOf);
    }
}
