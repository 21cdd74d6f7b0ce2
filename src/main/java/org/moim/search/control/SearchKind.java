package org.moim.search.control;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.moim.platform.problem.InvalidField;

/** What can be searched for, as named in {@code ?kinds=}. */
public enum SearchKind {
    MESSAGES, CARDS, FILES, PEOPLE, BOARDS;

    /** From {@code messages,cards}; all when blank; 400 on {@code kinds} for an unknown name. */
    public static Set<SearchKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.allOf(SearchKind.class);
        }
        Set<SearchKind> kinds = EnumSet.noneOf(SearchKind.class);
        for (String name : text.split(",")) {
            try {
                kinds.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("kinds", "must be a comma-separated list of messages, cards, files, people, boards");
            }
        }
        return kinds;
    }
}
