package org.moim.webhook.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * Slack's incoming-webhook body turned into one Moim message: {@code text} in Slack's mrkdwn,
 * basic {@code blocks} (section, header, context, divider) and {@code attachments} (pretext,
 * title, text, fields; fallback when nothing else) become Moim markdown text; {@code username}
 * is the name the message is shown with; {@code icon_url} must be an https address (kept out of
 * the page: Moim loads no image from elsewhere). Anything else Slack knows (channel, icon_emoji,
 * unfurl flags, images, buttons) is ignored. Pure: no database, no clock.
 */
public final class SlackMessages {

    /** The longest username (as a message's shown name). */
    public static final int MAX_USERNAME = 80;

    private static final Pattern SPECIAL = Pattern.compile("<([^<>\\n]{1,2000})>");
    private static final Pattern BOLD = Pattern.compile("(?<![\\p{L}\\p{N}*])\\*(?=\\S)([^*\\n]*?\\S)\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern STRIKE = Pattern.compile("(?<![\\p{L}\\p{N}~])~(?=\\S)([^~\\n]*?\\S)~(?![\\p{L}\\p{N}~])");
    private static final Pattern CODE = Pattern.compile("```[\\s\\S]*?```|`[^`\\n]+`");

    private SlackMessages() {
    }

    /** What a body becomes: the message's text, and the name it is shown with (null: the hook's). */
    public record Converted(String text, String username) {
    }

    /** Reads the body (UTF-8, exactly one JSON object) and converts it; a 400 problem naming the field otherwise. */
    public static Converted convert(byte[] body) {
        return convert(parse(body));
    }

    public static Converted convert(JsonObject body) {
        String username = string(body, "username", "username");
        if (username != null) {
            username = username.strip();
            if (username.isEmpty()) {
                username = null;
            } else if (username.codePointCount(0, username.length()) > MAX_USERNAME || username.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidField("username", "must be at most " + MAX_USERNAME + " characters, without control characters");
            }
        }
        String icon = string(body, "icon_url", "icon_url");
        if (icon != null && !isHttps(icon)) {
            throw new InvalidField("icon_url", "must be an https address");
        }
        List<String> parts = new ArrayList<>();
        String text = string(body, "text", "text");
        JsonArray blocks = array(body, "blocks", "blocks");
        if (blocks != null && !blocks.isEmpty()) {
            // Slack shows the blocks and uses text only for notifications.
            String rendered = blocks(blocks);
            if (!rendered.isBlank()) {
                parts.add(rendered);
            }
        }
        if (parts.isEmpty() && text != null && !text.isBlank()) {
            parts.add(mrkdwn(text));
        }
        JsonArray attachments = array(body, "attachments", "attachments");
        if (attachments != null) {
            for (int i = 0; i < attachments.size(); i++) {
                String rendered = attachment(object(attachments.get(i), "attachments[" + i + "]"), "attachments[" + i + "]");
                if (!rendered.isBlank()) {
                    parts.add(rendered);
                }
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidField("text", "give text, blocks or attachments with something to show");
        }
        return new Converted(String.join("\n\n", parts).strip(), username);
    }

    /** Slack mrkdwn to Moim markdown: *bold* → **bold**, ~strike~ → ~~strike~~, &lt;url|label&gt; → [label](url), &lt;!here&gt; → @here… */
    public static String mrkdwn(String text) {
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(inline(text.substring(last, code.start())));
            out.append(unescape(code.group()));
            last = code.end();
        }
        out.append(inline(text.substring(last)));
        return out.toString();
    }

    private static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher special = SPECIAL.matcher(text);
        int last = 0;
        while (special.find()) {
            out.append(emphasis(unescape(text.substring(last, special.start()))));
            out.append(special(special.group(1)));
            last = special.end();
        }
        out.append(emphasis(unescape(text.substring(last))));
        return out.toString();
    }

    private static String emphasis(String text) {
        String bold = BOLD.matcher(text).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"));
        return STRIKE.matcher(bold).replaceAll(m -> Matcher.quoteReplacement("~~" + m.group(1) + "~~"));
    }

    /** One {@code <…>} of mrkdwn: a link, a mention of someone, a channel, a broadcast or a date. */
    private static String special(String inside) {
        int bar = inside.indexOf('|');
        String target = bar < 0 ? inside : inside.substring(0, bar);
        String label = bar < 0 ? null : unescape(inside.substring(bar + 1));
        if (target.startsWith("!")) {
            String command = target.substring(1);
            int caret = command.indexOf('^');
            if (caret >= 0 || command.startsWith("date")) {
                return label == null ? "" : label;
            }
            if (command.startsWith("subteam")) {
                return label == null ? "@team" : label;
            }
            return "@" + (label == null ? command : label.replaceFirst("^@", ""));
        }
        if (target.startsWith("@")) {
            return "@" + (label == null ? target.substring(1) : label.replaceFirst("^@", ""));
        }
        if (target.startsWith("#")) {
            return "#" + (label == null ? target.substring(1) : label.replaceFirst("^#", ""));
        }
        String url = unescape(target);
        if (label == null || label.isBlank() || label.equals(url)) {
            return url;
        }
        return "[" + label.replace("]", "\\]") + "](" + url.replace(")", "%29").replace(" ", "%20") + ")";
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String blocks(JsonArray blocks) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String where = "blocks[" + i + "]";
            JsonObject block = object(blocks.get(i), where);
            String type = string(block, "type", where + ".type");
            if (type == null) {
                throw new InvalidField(where + ".type", "is required");
            }
            switch (type) {
                case "section" -> {
                    List<String> lines = new ArrayList<>();
                    String text = textObject(block, "text", where + ".text");
                    if (text != null) {
                        lines.add(text);
                    }
                    JsonArray fields = array(block, "fields", where + ".fields");
                    if (fields != null) {
                        for (int f = 0; f < fields.size(); f++) {
                            String field = textOf(object(fields.get(f), where + ".fields[" + f + "]"), where + ".fields[" + f + "]");
                            if (field != null) {
                                lines.add(field);
                            }
                        }
                    }
                    if (!lines.isEmpty()) {
                        out.add(String.join("\n", lines));
                    }
                }
                case "header" -> {
                    String text = textObject(block, "text", where + ".text");
                    if (text != null) {
                        out.add("**" + text.strip() + "**");
                    }
                }
                case "context" -> {
                    List<String> texts = new ArrayList<>();
                    JsonArray elements = array(block, "elements", where + ".elements");
                    if (elements != null) {
                        for (int e = 0; e < elements.size(); e++) {
                            JsonObject element = object(elements.get(e), where + ".elements[" + e + "]");
                            String text = textOf(element, where + ".elements[" + e + "]");
                            if (text != null) {
                                texts.add(text);
                            }
                        }
                    }
                    if (!texts.isEmpty()) {
                        out.add(String.join(" · ", texts));
                    }
                }
                case "divider" -> out.add("---");
                default -> {
                    // images, actions, inputs…: nothing Moim shows as text
                }
            }
        }
        return String.join("\n\n", out);
    }

    /** A text object ({@code {"type": "mrkdwn"|"plain_text", "text": …}}) under {@code name}, converted; null when absent. */
    private static String textObject(JsonObject parent, String name, String where) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return textOf(object(value, where), where);
    }

    private static String textOf(JsonObject object, String where) {
        String type = string(object, "type", where + ".type");
        String text = string(object, "text", where + ".text");
        if (text == null || text.isBlank()) {
            return null;
        }
        return "plain_text".equals(type) ? text : mrkdwn(text);
    }

    private static String attachment(JsonObject attachment, String where) {
        List<String> lines = new ArrayList<>();
        String pretext = string(attachment, "pretext", where + ".pretext");
        if (pretext != null && !pretext.isBlank()) {
            lines.add(mrkdwn(pretext));
        }
        String author = string(attachment, "author_name", where + ".author_name");
        if (author != null && !author.isBlank()) {
            lines.add(author.strip());
        }
        String title = string(attachment, "title", where + ".title");
        String titleLink = string(attachment, "title_link", where + ".title_link");
        if (title != null && !title.isBlank()) {
            lines.add(titleLink != null && isHttps(titleLink) || titleLink != null && titleLink.startsWith("http://")
                    ? "**[" + title.strip().replace("]", "\\]") + "](" + titleLink.replace(")", "%29") + ")**"
                    : "**" + title.strip() + "**");
        }
        String text = string(attachment, "text", where + ".text");
        if (text != null && !text.isBlank()) {
            lines.add(mrkdwn(text));
        }
        JsonArray fields = array(attachment, "fields", where + ".fields");
        if (fields != null) {
            for (int f = 0; f < fields.size(); f++) {
                String at = where + ".fields[" + f + "]";
                JsonObject field = object(fields.get(f), at);
                String name = string(field, "title", at + ".title");
                String value = string(field, "value", at + ".value");
                if (value != null && !value.isBlank()) {
                    lines.add(name == null || name.isBlank() ? mrkdwn(value) : "**" + name.strip() + ":** " + mrkdwn(value));
                } else if (name != null && !name.isBlank()) {
                    lines.add("**" + name.strip() + "**");
                }
            }
        }
        String footer = string(attachment, "footer", where + ".footer");
        if (footer != null && !footer.isBlank()) {
            lines.add(mrkdwn(footer));
        }
        if (lines.isEmpty()) {
            String fallback = string(attachment, "fallback", where + ".fallback");
            if (fallback != null && !fallback.isBlank()) {
                lines.add(mrkdwn(fallback));
            }
        }
        return String.join("\n", lines);
    }

    private static boolean isHttps(String address) {
        try {
            URI uri = new URI(address);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && address.length() <= 2000;
        } catch (Exception e) {
            return false;
        }
    }

    private static String string(JsonObject parent, String name, String where) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw malformed(where, "must be a string");
        }
        return string.getString();
    }

    private static JsonArray array(JsonObject parent, String name, String where) {
        JsonValue value = parent.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw malformed(where, "must be an array");
        }
        return array;
    }

    private static JsonObject object(JsonValue value, String where) {
        if (!(value instanceof JsonObject object)) {
            throw malformed(where, "must be an object");
        }
        return object;
    }

    /** UTF-8, exactly one JSON object and nothing after it. */
    static JsonObject parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("body", "is not valid UTF-8");
        }
        if (text.isBlank()) {
            throw malformed("body", "is empty: send a JSON object with text, blocks or attachments");
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("body", "has more after its JSON value");
            }
            return object(value, "body");
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            throw malformed("body", "is not valid JSON");
        }
    }

    private static ProblemException malformed(String field, String message) {
        return new ProblemException(ProblemType.MALFORMED, "The body is not a message Moim can read.", List.of(new FieldError(field, message)));
    }
}
