package org.moim.platform.search;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A native statement put together from fragments, each {@code ?} numbered as it is appended so
 * values are always bound, never spliced into the text. Instants are bound as UTC date-times,
 * as {@code InstantConverter} stores them.
 */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    public Sql(String fragment, Object... values) {
        add(fragment, values);
    }

    public Sql add(String fragment, Object... fragmentValues) {
        int next = 0;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '?') {
                Object value = fragmentValues[next++];
                values.add(value instanceof Instant at ? LocalDateTime.ofInstant(at, ZoneOffset.UTC) : value);
                text.append('?').append(values.size());
            } else {
                text.append(c);
            }
        }
        if (next != fragmentValues.length) {
            throw new IllegalArgumentException("placeholders and values differ in " + fragment);
        }
        return this;
    }

    /** {@code prefix IN (?, ?, …)}; never call it with an empty collection. */
    public Sql in(String prefix, Collection<?> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("empty IN list");
        }
        StringBuilder marks = new StringBuilder(prefix).append(" IN (");
        for (int i = 0; i < items.size(); i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return add(marks.append(')').toString(), items.toArray());
    }

    public Query query(EntityManager em) {
        Query query = em.createNativeQuery(text.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    public String text() {
        return text.toString();
    }

    /** A LIKE pattern for text containing {@code query}, case folded, with {@code !} as escape. */
    public static String containing(String query) {
        return "%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
