package org.moim.platform.persistence;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;
import org.moim.platform.problem.InvalidField;

/**
 * One page of a list read by keyset: the query orders by a time and an id, asks for one row more
 * than the page, and the next page starts after the last row ({@link Cursor}, the one cursor
 * format of the API). A page is one statement whatever the list's length.
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

    private final String timePath;
    private final String idPath;
    private final boolean newestFirst;
    private final int limit;
    private final Cursor after;

    private Keyset(String timePath, String idPath, boolean newestFirst, int limit, String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        this.timePath = timePath;
        this.idPath = idPath;
        this.newestFirst = newestFirst;
        this.limit = limit;
        this.after = Cursor.decode("cursor", cursor);
    }

    public static Keyset oldestFirst(String timePath, String idPath, int limit, String cursor) {
        return new Keyset(timePath, idPath, false, limit, cursor);
    }

    public static Keyset newestFirst(String timePath, String idPath, int limit, String cursor) {
        return new Keyset(timePath, idPath, true, limit, cursor);
    }

    /** The condition that starts the page after the cursor ({@code ""} on the first page), to append to a where clause. */
    public String and() {
        if (after == null) {
            return "";
        }
        String beyond = newestFirst ? " < " : " > ";
        return " and (" + timePath + beyond + ":keysetAt or (" + timePath + " = :keysetAt and " + idPath + beyond + ":keysetId))";
    }

    public String orderBy() {
        String direction = newestFirst ? " desc" : "";
        return " order by " + timePath + direction + ", " + idPath + direction;
    }

    /** Binds the cursor, reads one row more than the page and says where the next page starts. */
    public <T> Page<T> page(TypedQuery<T> query, Function<T, Cursor> cursorOf) {
        if (after != null) {
            query.setParameter("keysetAt", after.createdAt()).setParameter("keysetId", after.id());
        }
        List<T> found = query.setMaxResults(limit + 1).getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<T> items = found.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }
}
