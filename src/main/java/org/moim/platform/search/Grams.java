package org.moim.platform.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Character trigrams of a text, as {@code search_gram} stores them: lower-cased, a space written
 * as {@value #SPACE} (MariaDB's PAD SPACE collations would make "ab " equal "ab"), one gram per
 * position, so the last two positions give a two- and a one-character gram. The migration that
 * filled the index for existing rows (V19__search.sql) computes exactly this in SQL.
 */
public final class Grams {

    public static final String SPACE = "\u2423";
    public static final int SIZE = 3;

    private Grams() {
    }

    /** Every distinct gram of the texts (null texts are skipped). */
    public static Set<String> of(String... texts) {
        Set<String> grams = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int[] points = normal(text).codePoints().toArray();
            for (int i = 0; i < points.length; i++) {
                grams.add(new String(points, i, Math.min(SIZE, points.length - i)));
            }
        }
        return grams;
    }

    /**
     * What a document containing {@code query} must have: its trigrams when it has three
     * characters or more; for a shorter query, the query itself as the prefix of a gram
     * ({@link #isPrefix}).
     */
    public static List<String> ofQuery(String query) {
        int[] points = normal(query).codePoints().toArray();
        if (points.length < SIZE) {
            return List.of(new String(points, 0, points.length));
        }
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + SIZE <= points.length; i++) {
            grams.add(new String(points, i, SIZE));
        }
        return new ArrayList<>(grams);
    }

    /** True when {@link #ofQuery} answered a prefix rather than whole grams. */
    public static boolean isPrefix(String query) {
        return normal(query).codePointCount(0, normal(query).length()) < SIZE;
    }

    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace(" ", SPACE);
    }
}
