package org.moim.keywordbot.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a message says a rule's keyword or phrase. No regular expressions: a keyword is one or
 * more whole words compared case-insensitively, a phrase is contained anywhere; both cost one pass
 * over the message. Words are runs of letters, digits and marks (Korean included). Korean attaches
 * particles to the word before them ("사람이", "상담원을"), so the last word of a keyword that ends
 * in Hangul matches a word that begins with it.
 */
public final class KeywordMatcher {

    private final String lower;
    private final List<String> words;

    public KeywordMatcher(String text) {
        this.lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        this.words = words(lower);
    }

    /** The words of {@code text}, in lower case (what a keyword is stored as, joined by one space). */
    public static List<String> words(String text) {
        List<String> found = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                found.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            found.add(word.toString());
        }
        return found;
    }

    /** Whether the message says any of the keywords (each stored as words joined by one space) or phrases (lower case). */
    public boolean matches(List<String> keywords, List<String> phrases) {
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        for (String keyword : keywords) {
            if (says(keyword.split(" "))) {
                return true;
            }
        }
        return false;
    }

    private boolean says(String[] keyword) {
        String last = keyword[keyword.length - 1];
        boolean hangulEnd = Character.UnicodeScript.of(last.codePointBefore(last.length())) == Character.UnicodeScript.HANGUL;
        for (int start = 0; start + keyword.length <= words.size(); start++) {
            boolean all = true;
            for (int i = 0; i < keyword.length && all; i++) {
                String word = words.get(start + i);
                boolean lastWord = i == keyword.length - 1;
                all = word.equals(keyword[i]) || (lastWord && hangulEnd && word.startsWith(keyword[i]));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
