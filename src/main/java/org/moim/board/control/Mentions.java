package org.moim.board.control;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mentions in Markdown texts (card descriptions, comments), written {@code @[display name](accountId)}:
 * the browser inserts them from a picker, the name is for people reading the raw text, the id is
 * what counts. Anything else that looks like an @name is plain text, and so is a mention inside
 * code (a fenced block or an inline code span), as markdown.js shows it.
 */
public final class Mentions {

    private static final Pattern MENTION = Pattern.compile(
            "@\\[[^\\]\\n]{1,200}]\\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\)");

    /** Fenced code blocks (to their closing fence or the end) and inline code spans, as markdown.js reads them. */
    private static final Pattern CODE = Pattern.compile(
            "(?m)^[ \\t]*(`{3,}|~{3,})[^\\n]*(?:\\n(?![ \\t]*\\1[`~]*[ \\t]*$)[^\\n]*)*(?:\\n[^\\n]*)?|(`+)(?:[^`]|[^`][\\s\\S]*?[^`])\\2(?!`)");

    private Mentions() {
    }

    /** The account ids mentioned in {@code text}, in order of first mention. */
    public static Set<String> in(String text) {
        Set<String> ids = new LinkedHashSet<>();
        if (text == null) {
            return ids;
        }
        Matcher matcher = MENTION.matcher(CODE.matcher(text).replaceAll(" "));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** Mentioned in {@code after} but not in {@code before}: who an edit newly mentions. */
    public static Set<String> added(String before, String after) {
        Set<String> added = in(after);
        added.removeAll(in(before));
        return added;
    }
}
