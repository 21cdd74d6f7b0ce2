package org.moim.platform.realtime;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.moim.platform.problem.InvalidField;

/**
 * The one reader of a client frame's members, for every feature's frames (through
 * {@link ClientFrame.Feature}). One rule: a member that is absent or {@code null} is not given;
 * a member that is given must be of its type, and a string must not be blank. Anything else is
 * an {@link InvalidField} naming the member (a {@code /problems/validation} error frame), never a
 * value quietly taken as absent or as something else.
 */
final class FrameFields {

    private FrameFields() {
    }

    /** A string member, or null when not given. */
    static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidField(name, "must be a string");
        }
        if (string.getString().isBlank()) {
            throw new InvalidField(name, "must not be blank");
        }
        return string.getString();
    }

    static String required(JsonObject json, String name) {
        String value = string(json, name);
        if (value == null) {
            throw new InvalidField(name, "is required (a string)");
        }
        return value;
    }

    /** An array of strings (each not blank), empty when not given; {@code what} names them in the error. */
    static List<String> strings(JsonObject json, String name, String what) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)
                || array.stream().anyMatch(v -> !(v instanceof JsonString s) || s.getString().isBlank())) {
            throw new InvalidField(name, "must be an array of " + what);
        }
        List<String> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(((JsonString) v).getString()));
        return values;
    }

    /** A whole number, 0 or more, or empty when not given. */
    static Optional<Long> number(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigIntegerValue().signum() < 0
                || number.bigIntegerValue().bitLength() > 63) {
            throw new InvalidField(name, "must be a whole number, 0 or more");
        }
        return Optional.of(number.longValue());
    }

    /** {@code true} or {@code false}; {@code otherwise} when not given, or an error when that is null too. */
    static boolean flag(JsonObject json, String name, Boolean otherwise) {
        JsonValue value = json.get(name);
        if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        if (absent(value) && otherwise != null) {
            return otherwise;
        }
        throw new InvalidField(name, "must be true or false");
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
