package org.moim.platform.realtime;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.InvalidField;

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

        // Every member is read by FrameFields, under one rule: absent or null is not given; given
        // is of its type, and a string is not blank; anything else is a validation error naming it.

        /** A string member, or null when not given. */
        public String string(String name) {
            return FrameFields.string(json, name);
        }

        /** A string member that must be given. */
        public String required(String name) {
            return FrameFields.required(json, name);
        }

        /** An array of strings, empty when not given; {@code what} names its items in the error ("account ids"). */
        public List<String> strings(String name, String what) {
            return FrameFields.strings(json, name, what);
        }

        /** A whole number, 0 or more, if given. */
        public Optional<Long> number(String name) {
            return FrameFields.number(json, name);
        }

        /** {@code true} or {@code false}, which must be given. */
        public boolean flag(String name) {
            return FrameFields.flag(json, name, null);
        }

        /** {@code true} or {@code false}, {@code otherwise} when not given. */
        public boolean flag(String name, boolean otherwise) {
            return FrameFields.flag(json, name, otherwise);
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
        String id;
        String type;
        try {
            id = FrameFields.string(json, "id");
            type = FrameFields.string(json, "type");
        } catch (InvalidField e) {
            return new MalformedFrame(null, said(e));
        }
        if (type == null) {
            return new MalformedFrame(id, "The frame has no 'type'.");
        }
        try {
            return switch (type) {
                case "ping" -> new Ping(id);
                case "authenticate" -> {
                    String ticket = FrameFields.string(json, "ticket");
                    yield ticket == null ? new MalformedFrame(id, "'authenticate' needs a 'ticket'.") : new Authenticate(id, ticket);
                }
                case "presence" -> {
                    String status = FrameFields.string(json, "status");
                    yield "away".equals(status) || "online".equals(status)
                            ? new SetPresence(id, "away".equals(status))
                            : new MalformedFrame(id, "'presence' needs a 'status' of 'online' or 'away'.");
                }
                default -> featureTypes.contains(type)
                        ? new Feature(id, type, json)
                        : new MalformedFrame(id, "Unknown frame type '" + abbreviate(type) + "'.");
            };
        } catch (InvalidField e) {
            return new MalformedFrame(id, "'" + abbreviate(type) + "': " + said(e));
        }
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

    /** "'ticket' must not be blank." */
    private static String said(InvalidField e) {
        FieldError error = e.errors().getFirst();
        return "'" + error.field() + "' " + error.message() + ".";
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
