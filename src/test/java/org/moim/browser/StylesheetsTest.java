package org.moim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.helger.css.CSSSourceLocation;
import com.helger.css.ICSSSourceLocationAware;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.handler.ICSSParseExceptionCallback;
import com.helger.css.parser.ParseException;
import com.helger.css.parser.ParserCSS30Constants;
import com.helger.css.parser.Token;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.ICSSInterpretErrorHandler;
import com.helger.css.reader.errorhandler.ICSSParseErrorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet the browser app serves parses cleanly with a real CSS parser (ph-css) in strict
 * mode: no syntax error, and no error the parser could only recover from by skipping input.
 *
 * <p>A browser never reports a broken stylesheet: a rule left open (the 'chatui' merge once left
 * three in styles.css) takes the rules after it for bad declarations and drops them, and the page
 * just loses its styles. This test is where such damage shows.
 */
class StylesheetsTest {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");

    /** One thing the parser objected to, where it was and what it said. */
    record Problem(int line, int column, String message) {
        @Override
        public String toString() {
            return line > 0 ? line + ":" + column + ": " + message : " " + message;
        }
    }

    /**
     * Collects everything the parser reports instead of letting it log and carry on: errors it
     * recovered from (skipping tokens), rules in the wrong place, deprecated property hacks,
     * illegal characters, the error that ended the parse, and errors while building the model.
     */
    private static final class Recorder
            implements ICSSParseErrorHandler, ICSSParseExceptionCallback, ICSSInterpretErrorHandler {

        final List<Problem> problems = new ArrayList<>();

        private void add(Token token, String message) {
            if (token == null) {
                problems.add(new Problem(0, 0, message));
            } else {
                problems.add(new Problem(token.beginLine, token.beginColumn, message));
            }
        }

        private void add(ParseException e, String prefix) {
            Token last = e.currentToken;
            Token offending = last == null ? null : last.next != null ? last.next : last;
            String message = offending == null
                    ? String.valueOf(e.getMessage()).strip()
                    : offending.kind == ParserCSS30Constants.EOF ? "unexpected end of file" : "unexpected '" + offending.image + "'";
            add(offending, prefix + message);
        }

        @Override
        public void onCSSParseError(ParseException e, Token lastSkipped) {
            add(e, "syntax error, recovered by skipping input"
                    + (lastSkipped == null ? "" : " up to line " + lastSkipped.endLine) + ": ");
        }

        @Override
        public void onCSSUnexpectedRule(Token token, String rule, String message) {
            add(token, "unexpected rule " + rule + ": " + message);
        }

        @Override
        public void onCSSDeprecatedProperty(Token prefix, Token identifier) {
            add(prefix, "deprecated property hack '" + prefix.image + identifier.image + "'");
        }

        @Override
        public void onCSSBrowserCompliantSkip(ParseException e, Token from, Token to) {
            // Only called in browser-compliant mode, which this test never turns on; counted anyway.
            if (e != null) {
                add(e, "skipped: ");
            } else {
                add(from, "skipped input up to line " + (to == null ? "?" : to.endLine));
            }
        }

        @Override
        public void onIllegalCharacter(char c) {
            problems.add(new Problem(0, 0, "illegal character U+%04X".formatted((int) c)));
        }

        @Override
        public void onException(ParseException e) {
            add(e, "syntax error, parse abandoned: ");
        }

        @Override
        public void onCSSInterpretationWarning(String message) {
            problems.add(new Problem(0, 0, "interpretation warning: " + message));
        }

        @Override
        public void onCSSInterpretationError(String message) {
            problems.add(new Problem(0, 0, "interpretation error: " + message));
        }
    }

    /**
     * What the parser objects to in the given CSS text: empty when it is well formed.
     *
     * <p>Strict mode (not browser-compliant) makes the parser report what it skips. One thing it
     * still passes over in silence by design: a '}' or ';' between two top-level rules. A browser
     * does not: it takes the stray character as the start of the next rule's selector and drops
     * that rule. So every character of the text must also belong to a rule the parser kept, or be
     * white space or a comment between rules.
     */
    static List<Problem> problems(String text) {
        // Line breaks as LF only, so the parser's line and column numbers map to offsets in the
        // text below (the parser, like CSS, takes CR LF and a lone CR as one line break).
        String css = text.replace("\r\n", "\n").replace('\r', '\n');
        Recorder recorder = new Recorder();
        CSSReaderSettings settings = new CSSReaderSettings()
                .setBrowserCompliantMode(false)
                .setUseSourceLocation(true)
                .setTabSize(1) // a tab is one column: columns count characters
                .setCustomErrorHandler(recorder)
                .setCustomExceptionHandler(recorder)
                .setInterpretErrorHandler(recorder);
        CascadingStyleSheet sheet = CSSReader.readFromStringReader(css, settings);
        if (sheet == null) {
            if (recorder.problems.isEmpty()) {
                recorder.problems.add(new Problem(0, 0, "the parser returned no stylesheet"));
            }
            return recorder.problems;
        }
        List<CSSSourceLocation> rules = topLevelRules(sheet);
        List<Problem> found = new ArrayList<>();
        for (Problem problem : recorder.problems) {
            found.add(rules.stream()
                    .filter(rule -> rule.getFirstTokenBeginLineNumber() < problem.line()
                            && problem.line() <= rule.getLastTokenEndLineNumber())
                    .findFirst()
                    .map(rule -> new Problem(problem.line(), problem.column(), problem.message()
                            + " (inside the rule that starts at line " + rule.getFirstTokenBeginLineNumber() + ")"))
                    .orElse(problem));
        }
        found.addAll(textOutsideRules(css, rules));
        return found;
    }

    private static List<CSSSourceLocation> topLevelRules(CascadingStyleSheet sheet) {
        List<Object> rules = new ArrayList<>();
        rules.addAll(sheet.getAllImportRules());
        rules.addAll(sheet.getAllNamespaceRules());
        rules.addAll(sheet.getAllRules());
        List<CSSSourceLocation> locations = new ArrayList<>();
        for (Object rule : rules) {
            if (!(rule instanceof ICSSSourceLocationAware aware) || aware.getSourceLocation() == null) {
                throw new IllegalStateException("ph-css kept no source location for " + rule);
            }
            locations.add(aware.getSourceLocation());
        }
        locations.sort(Comparator.comparingInt(CSSSourceLocation::getFirstTokenBeginLineNumber)
                .thenComparingInt(CSSSourceLocation::getFirstTokenBeginColumnNumber));
        return locations;
    }

    /** Anything but white space and comments before, between or after the top-level rules. */
    private static List<Problem> textOutsideRules(String css, List<CSSSourceLocation> rules) {
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < css.length(); i++) {
            if (css.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        List<Problem> problems = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= rules.size(); i++) {
            int to = css.length();
            if (i < rules.size()) {
                CSSSourceLocation rule = rules.get(i);
                to = lineStarts.get(rule.getFirstTokenBeginLineNumber() - 1) + rule.getFirstTokenBeginColumnNumber() - 1;
            }
            Matcher stray = STRAY.matcher(css).region(from, Math.max(from, to));
            if (stray.lookingAt() && stray.end() < to) {
                int at = stray.end();
                int line = lineOf(lineStarts, at);
                problems.add(new Problem(line, at - lineStarts.get(line - 1) + 1,
                        "stray '" + css.charAt(at) + "' between rules, which the parser ignores"
                                + " but a browser reads as the start of the next rule's selector, dropping that rule"));
            }
            if (i < rules.size()) {
                CSSSourceLocation rule = rules.get(i);
                from = lineStarts.get(rule.getLastTokenEndLineNumber() - 1) + rule.getLastTokenEndColumnNumber();
            }
        }
        return problems;
    }

    /** White space and comments: what may stand between rules. */
    private static final Pattern STRAY = Pattern.compile("(?:\\s++|/\\*.*?\\*/)*+", Pattern.DOTALL);

    private static int lineOf(List<Integer> lineStarts, int offset) {
        int line = Collections.binarySearch(lineStarts, offset);
        return line >= 0 ? line + 1 : -line - 1;
    }

    private static List<Path> stylesheets() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".css"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> stylesheets = stylesheets();
        assertThat(stylesheets).as("stylesheets under " + WEBAPP)
                .contains(WEBAPP.resolve("assets").resolve("styles.css"));
        List<String> failures = new ArrayList<>();
        for (Path file : stylesheets) {
            String css = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = css.lines().toList();
            for (Problem problem : problems(css)) {
                String source = problem.line() > 0 && problem.line() <= lines.size()
                        ? "   | " + lines.get(problem.line() - 1).strip()
                        : "";
                failures.add(file + ":" + problem + source);
            }
        }
        assertThat(failures)
                .as("CSS errors (a browser drops what follows them without a word):%n%s",
                        failures.stream().collect(Collectors.joining(System.lineSeparator())))
                .isEmpty();
    }

    @Test
    void wellFormedCssHasNoProblems() {
        assertThat(problems("""
                /* a comment before the first rule */
                :root { --gap: 8px; }
                .a, .b > .c:hover { margin: 0 var(--gap); width: calc(100% - 2 * var(--gap)); }

                /* between rules */
                @media (max-width: 600px) { .a { display: none; } }
                @keyframes spin { to { transform: rotate(360deg); } }
                	.tabbed	{ color: color-mix(in srgb, red 20%, transparent); }
                """)).isEmpty();
        assertThat(problems(".a { color: red; }\r\n\r\n.b { color: blue; }\r\n")).as("CR LF").isEmpty();
    }

    @Test
    void aBlockLeftOpenAtTheEndOfTheFileIsAnError() {
        List<Problem> problems = problems("""
                .a { color: red; }
                .b {
                  color: blue;
                """);
        assertThat(problems).isNotEmpty();
        assertThat(problems.getFirst().message()).contains("end of file");
    }

    @Test
    void anAtRuleLeftOpenAtTheEndOfTheFileIsAnError() {
        assertThat(problems("""
                @media (max-width: 600px) {
                  .a { display: none; }
                """)).isNotEmpty();
    }

    @Test
    void aRuleOpenedInsideAnotherIsAnError() {
        // The damage the merges left in styles.css: a rule opened, then the next rule inside it.
        List<Problem> problems = problems("""
                .a {
                /* next section */
                .b {
                  color: blue;
                }
                .c { color: green; }
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().line()).isEqualTo(3);
        assertThat(problems.getFirst().message()).contains("inside the rule that starts at line 1");
    }

    @Test
    void aStrayClosingBraceBetweenRulesIsAnError() {
        List<Problem> problems = problems("""
                .a { color: red; }
                }
                .b { color: blue; }
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.getFirst().line()).isEqualTo(2);
        assertThat(problems.getFirst().column()).isEqualTo(1);
        assertThat(problems.getFirst().message()).startsWith("stray '}'");
    }

    @Test
    void aStrayClosingBraceAfterAnAtRuleOrAtTheEndIsAnError() {
        assertThat(problems("""
                @media (max-width: 600px) { .a { display: none; } } }
                .b { color: blue; }
                """)).extracting(Problem::line, Problem::column).containsExactly(tuple(1, 53));
        assertThat(problems(".a { color: red; }\n/* end */ }\n"))
                .extracting(Problem::line, Problem::column).containsExactly(tuple(2, 11));
    }

    @Test
    void aStrayClosingBraceAtTheStartIsAnError() {
        assertThat(problems("""
                }
                .b { color: blue; }
                """)).isNotEmpty();
    }

    @Test
    void aStraySemicolonBetweenRulesIsAnError() {
        assertThat(problems(".a { color: red; };\n.b { color: blue; }\n"))
                .extracting(Problem::line, Problem::column).containsExactly(tuple(1, 19));
    }

    @Test
    void aMissingSemicolonBetweenDeclarationsIsAnError() {
        assertThat(problems(".a { color: red background: blue; }")).isNotEmpty();
    }

    @Test
    void anUnclosedCommentOrStringIsAnError() {
        assertThat(problems(".a { color: red; }\n/* never closed\n.b { color: blue; }\n")).isNotEmpty();
        assertThat(problems(".a { content: \"never closed; }\n")).isNotEmpty();
    }
}
