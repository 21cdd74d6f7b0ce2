package org.moim.notification.control;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moim.identity.entity.Account.Language;

/**
 * A mail's words in one language: a subject and a body of paragraphs (separated by blank lines)
 * with {@code {name}} placeholders. {@link #render} fills them in twice: as they are for the
 * plain-text part, HTML-escaped for the HTML part, where a paragraph that is only a
 * {@code {…Url}} placeholder becomes a button-like link. The subject is kept on one line (CR and
 * LF in a name never reach a header). Pick one per language with {@link #in}.
 */
public record MailTemplate(String subject, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The template for {@code language}, English when there is none. */
    public static MailTemplate in(Language language, Map<Language, MailTemplate> templates) {
        MailTemplate template = templates.get(language);
        return template != null ? template : templates.get(Language.EN);
    }

    public Letter render(Map<String, String> params) {
        String subjectLine = Mailer.oneLine(fill(subject, params, false));
        String text = fill(body.strip(), params, false) + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subjectLine))
                .append("</title></head><body style=\"font-family:sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">");
        for (String paragraph : body.strip().split("\\n\\s*\\n")) {
            Matcher only = PLACEHOLDER.matcher(paragraph.strip());
            if (only.matches() && only.group(1).endsWith("Url")) {
                String url = escape(params.getOrDefault(only.group(1), ""));
                html.append("<p><a href=\"").append(url)
                        .append("\" style=\"display:inline-block;padding:10px 18px;background:#2563eb;color:#ffffff;border-radius:6px;text-decoration:none\">")
                        .append(escape(params.getOrDefault("actionLabel", ""))).append("</a></p>")
                        .append("<p style=\"font-size:12px;color:#57606a;word-break:break-all\">").append(url).append("</p>");
            } else {
                html.append("<p>").append(fill(paragraph.strip(), params, true).replace("\n", "<br>")).append("</p>");
            }
        }
        html.append("</body></html>");
        return new Letter(subjectLine, text, html.toString(), Optional.empty());
    }

    private static String fill(String template, Map<String, String> params, boolean asHtml) {
        String source = asHtml ? escape(template) : template;
        Matcher m = PLACEHOLDER.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            String replacement = value == null ? m.group() : asHtml ? escape(value) : value;
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
