package org.moim.notification.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moim.identity.entity.Account.Language;

/**
 * A mail's words in one language: a subject and a body of paragraphs (separated by blank lines)
 * with {@code {name}} placeholders. {@link #render} fills them in twice: as they are for the
 * plain-text part, HTML-escaped for the HTML part. In the HTML part a paragraph that is only a
 * {@code {…Url}} placeholder becomes a button-like link labelled {@code actionLabel}; a
 * {@code {…Url}} inside a paragraph becomes a link labelled {@code {…Label}} (the URL itself when
 * there is no label); a paragraph that is only {@code {entries}} becomes the list of
 * {@link Entry entries} (each title a link to its item, its quote below); and a paragraph that is
 * only {@code --} starts the small print (a rule, then smaller grey text). The subject is kept on
 * one line (CR and LF in a name never reach a header). Pick one per language with {@link #in}.
 */
public record MailTemplate(String subject, String body) {

    /** One item of a mail's list: a title, an optional quote (what someone wrote) and an optional link to the item. */
    public record Entry(String title, String quote, String url) {

        public Entry {
            Objects.requireNonNull(title);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final String ENTRIES = "{entries}";
    private static final String SMALL_PRINT = "--";
    private static final String MUTED = "#57606a";
    private static final String LINK = "#2563eb";

    /** The template for {@code language}, English when there is none. */
    public static MailTemplate in(Language language, Map<Language, MailTemplate> templates) {
        MailTemplate template = templates.get(language);
        return template != null ? template : templates.get(Language.EN);
    }

    public Letter render(Map<String, String> params) {
        return render(params, List.of());
    }

    /** The letter, with {@code entries} where the body has a {@code {entries}} paragraph. */
    public Letter render(Map<String, String> params, List<Entry> entries) {
        String subjectLine = Mailer.oneLine(fill(subject, params, false));
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(escape(subjectLine))
                .append("</title></head><body style=\"font-family:sans-serif;font-size:15px;line-height:1.5;color:#1f2328;max-width:640px;word-break:keep-all;overflow-wrap:anywhere\">");
        boolean smallPrint = false;
        for (String raw : body.strip().split("\\n\\s*\\n")) {
            String paragraph = raw.strip();
            Matcher only = PLACEHOLDER.matcher(paragraph);
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            if (paragraph.equals(SMALL_PRINT)) {
                smallPrint = true;
                text.append(SMALL_PRINT);
                html.append("<hr style=\"border:none;border-top:1px solid #d0d7de;margin:24px 0 8px\">");
            } else if (paragraph.equals(ENTRIES)) {
                entries(entries, text, html);
            } else if (only.matches() && only.group(1).endsWith("Url")) {
                String url = params.getOrDefault(only.group(1), "");
                text.append(url);
                html.append("<p><a href=\"").append(escape(url))
                        .append("\" style=\"display:inline-block;padding:10px 18px;background:").append(LINK)
                        .append(";color:#ffffff;border-radius:6px;text-decoration:none\">")
                        .append(escape(params.getOrDefault("actionLabel", ""))).append("</a></p>")
                        .append("<p style=\"font-size:12px;color:").append(MUTED).append(";word-break:break-all\">")
                        .append(escape(url)).append("</p>");
            } else {
                text.append(fill(paragraph, params, false));
                html.append(smallPrint ? "<p style=\"font-size:12px;color:" + MUTED + "\">" : "<p>")
                        .append(fill(paragraph, params, true).replace("\n", "<br>")).append("</p>");
            }
        }
        html.append("</body></html>");
        return new Letter(subjectLine, text.append('\n').toString(), html.toString(), Optional.empty());
    }

    private static void entries(List<Entry> entries, StringBuilder text, StringBuilder html) {
        html.append("<ul style=\"list-style:none;margin:0;padding:0\">");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (i > 0) {
                text.append("\n\n");
            }
            text.append("* ").append(entry.title());
            html.append("<li style=\"margin:0 0 12px;padding:8px 12px;border-left:3px solid ").append(LINK)
                    .append(";background:#f6f8fa\">");
            if (entry.url() != null) {
                html.append("<a href=\"").append(escape(entry.url())).append("\" style=\"color:").append(LINK)
                        .append(";font-weight:600;text-decoration:none\">").append(escape(entry.title())).append("</a>");
            } else {
                html.append("<strong>").append(escape(entry.title())).append("</strong>");
            }
            if (entry.quote() != null && !entry.quote().isBlank()) {
                String quote = entry.quote().replaceAll("\\s+", " ").strip();
                text.append("\n  \"").append(quote).append('"');
                html.append("<div style=\"color:").append(MUTED).append(";overflow-wrap:anywhere\">")
                        .append(escape(quote)).append("</div>");
            }
            if (entry.url() != null) {
                text.append("\n  ").append(entry.url());
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    /**
     * The paragraph with its placeholders filled in: verbatim for text; for HTML escaped, with a
     * {@code {…Url}} as a link labelled by {@code {…Label}} (else by the URL).
     */
    private static String fill(String template, Map<String, String> params, boolean asHtml) {
        String source = asHtml ? escape(template) : template;
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = params.get(name);
            String replacement;
            if (value == null) {
                replacement = m.group();
            } else if (!asHtml) {
                replacement = value;
            } else if (name.endsWith("Url")) {
                String label = params.getOrDefault(name.substring(0, name.length() - 3) + "Label", value);
                replacement = "<a href=\"" + escape(value) + "\" style=\"color:" + LINK + "\">" + escape(label) + "</a>";
            } else {
                replacement = escape(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Text as HTML: the five characters that could start markup or end an attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
