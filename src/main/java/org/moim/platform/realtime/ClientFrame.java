package org.moim.platform.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;

/** Frames a client sends. Unknown or malformed text is a {@link MalformedFrame}, never an exception. */
public sealed interface ClientFrame {

    int MAX_LENGTH = 64 * 1024;

    /** How deep objects and arrays may nest in a frame; the protocol's own frames need four. */
    int MAX_DEPTH = 32;

    /** The client's own id for the frame, echoed in replies ({@code replyTo}). */
    String id();

    record Ping(String id) implements ClientFrame {
    }

    /** A fresh ticket (from POST /api/v1/realtime/tickets) that extends the connection's authentication. */
    record Authenticate(String id, String ticket) implements ClientFrame {
    }

    /** Whether this connection's tab is in use ({@code online}) or not ({@code away}). */
    record SetPresence(String id, boolean away) implements ClientFrame {
    }

    /**
     * A frame of a type a feature claims through a {@link FrameHandler}: its {@code type}, the
     * client's {@code id} and the whole JSON object, for the handler to read.
     */
    record Feature(String id, String type, JsonObject json) implements ClientFrame {

        /** A string member, or null when absent or not a string. */
        public String string(String name) {
            return ClientFrame.string(json, name);
        }
    }

    record MalformedFrame(String id, String reason) implements ClientFrame {
    }

    static ClientFrame parse(String text) {
        return parse(text, Set.of());
    }

    /** Parses a frame; types in {@code featureTypes} become {@link Feature} frames. */
    static ClientFrame parse(String text, Set<String> featureTypes) {
        if (text == null || text.length() > MAX_LENGTH) {
            return new MalformedFrame(null, "Frames are JSON objects of at most " + MAX_LENGTH + " characters.");
        }
        if (nesting(text) > MAX_DEPTH) {
            // Refused before parsing: the JSON reader descends once per level on the socket's thread.
            return new MalformedFrame(null, "Frames nest objects and arrays at most " + MAX_DEPTH + " levels deep.");
        }
        JsonObject json;
        try (JsonReader reader = ServerFrame.JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new MalformedFrame(null, "A frame is a JSON object.");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return new MalformedFrame(null, "The frame is not valid JSON.");
        }
        String id = string(json, "id");
        String type = string(json, "type");
        if (type == null) {
            return new MalformedFrame(id, "The frame has no 'type'.");
        }
        return switch (type) {
            case "ping" -> new Ping(id);
            case "authenticate" -> {
                String ticket = string(json, "ticket");
                yield ticket == null ? new MalformedFrame(id, "'authenticate' needs a 'ticket'.") : new Authenticate(id, ticket);
            }
            case "presence" -> {
                String status = string(json, "status");
                yield "away".equals(status) || "online".equals(status)
                        ? new SetPresence(id, "away".equals(status))
                        : new MalformedFrame(id, "'presence' needs a 'status' of 'online' or 'away'.");
            }
            default -> featureTypes.contains(type)
                    ? new Feature(id, type, json)
                    : new MalformedFrame(id, "Unknown frame type '" + abbreviate(type) + "'.");
        };
    }

    /** The deepest nesting of objects and arrays in the text, brackets inside strings not counted. */
    static int nesting(String text) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
