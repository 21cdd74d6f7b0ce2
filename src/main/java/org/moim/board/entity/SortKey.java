package org.moim.board.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * Positions as strings that sort byte by byte: a fraction in base 36 ({@code 0-9a-z}) written
 * without "0.". Between any two different keys there is always another, so a move writes one
 * row and never renumbers its neighbours.
 *
 * <p>Keys never end in {@code 0} (nothing sorts between {@code "a"} and {@code "a0"}). Moving
 * to the end of a list takes the shortest key after the last one ({@code "1"}, {@code "2"}, …,
 * {@code "z"}, {@code "z1"}, …), so appending grows keys by one character per 35 cards;
 * inserting again and again at the same spot halves the gap each time and grows them by one
 * character per about five inserts. When a key passes a configured length, the list is
 * rebalanced with {@link #spread(int)} (see {@code control.Positions}).
 */
public final class SortKey {

    static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    static final int BASE = DIGITS.length();
    /** Keys written only while rebalancing, so that the old and the new keys never collide. */
    public static final char TEMPORARY = '~';

    private SortKey() {
    }

    /**
     * A key strictly between {@code low} and {@code high}; null {@code low} means "before
     * everything", null {@code high} "after everything".
     */
    public static String between(String low, String high) {
        String lo = low == null ? "" : check(low);
        String hi = high == null ? null : check(high);
        if (hi != null && lo.compareTo(hi) >= 0) {
            throw new IllegalArgumentException(lo + " is not before " + hi);
        }
        if (hi == null) {
            return after(lo);
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; ; i++) {
            int a = i < lo.length() ? digit(lo.charAt(i)) : 0;
            int b = hi == null ? BASE : i < hi.length() ? digit(hi.charAt(i)) : BASE;
            if (a == b) {
                key.append(DIGITS.charAt(a));
                continue;
            }
            int middle = (a + b) / 2;
            if (middle > a) {
                return key.append(DIGITS.charAt(middle)).toString();
            }
            // b == a + 1: keep a here; anything after it is below high, so only low bounds the rest.
            key.append(DIGITS.charAt(a));
            hi = null;
        }
    }

    /** The shortest key after {@code lo} (not ending in 0): for appending. */
    private static String after(String lo) {
        for (int i = 0; i < lo.length(); i++) {
            int d = digit(lo.charAt(i));
            if (d < BASE - 1) {
                // lo[0..i) + (d+1) is greater than lo and as short as it gets.
                return lo.substring(0, i) + DIGITS.charAt(d + 1);
            }
        }
        return lo + DIGITS.charAt(1);
    }

    /**
     * {@code count} keys in increasing order, evenly spread over the key space and as short as
     * that allows, with room for many inserts between and after them.
     */
    public static List<String> spread(int count) {
        List<String> keys = new ArrayList<>(count);
        int width = 1;
        long slots = BASE;
        while (slots < 4L * (count + 1)) {
            width++;
            slots *= BASE;
        }
        // The lower half of the space, so that appends after a rebalance stay short too.
        long step = slots / 2 / (count + 1);
        for (int i = 1; i <= count; i++) {
            String key = pad(Long.toString(i * step, BASE), width);
            key = trimZeros(key);
            keys.add(key);
        }
        return keys;
    }

    private static String pad(String digits, int width) {
        StringBuilder key = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }

    // Trailing zeros do not change a fraction's value; dropping them keeps the order.
    private static String trimZeros(String key) {
        int end = key.length();
        while (end > 1 && key.charAt(end - 1) == '0') {
            end--;
        }
        return key.substring(0, end);
    }

    /** The key itself if it is a valid key, else IllegalArgumentException. */
    public static String check(String key) {
        if (key == null || key.isEmpty() || key.charAt(key.length() - 1) == '0') {
            throw new IllegalArgumentException("Not a sort key: " + key);
        }
        for (int i = 0; i < key.length(); i++) {
            digit(key.charAt(i));
        }
        return key;
    }

    private static int digit(char c) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : -1;
        if (d < 0) {
            throw new IllegalArgumentException("Not a sort key digit: " + c);
        }
        return d;
    }
}
