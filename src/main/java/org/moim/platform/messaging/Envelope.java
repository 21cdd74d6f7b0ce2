package org.moim.platform.messaging;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Objects;

/**
 * The one shape of every message Moim puts on a queue: a JSON object
 * {@code {"type", "version", "idempotencyKey", "payload"}}. {@code type} and {@code version} say
 * how to read {@code payload}; {@code idempotencyKey} lets a handler recognise a redelivery.
 */
public record Envelope(String type, int version, String idempotencyKey, JsonObject payload) {

    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_TYPE_LENGTH = 64;

    public Envelope {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payload, "payload");
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("version", version)
                .add("idempotencyKey", idempotencyKey)
                .add("payload", payload)
                .build().toString();
    }

    /** Reads and checks a message body; anything else than a well-formed envelope is refused. */
    public static Envelope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedMessage("empty message body");
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessage("message body is not a JSON object");
        }
        String type = text(json, "type", MAX_TYPE_LENGTH);
        String key = text(json, "idempotencyKey", MAX_KEY_LENGTH);
        JsonValue version = json.get("version");
        if (version == null || version.getValueType() != JsonValue.ValueType.NUMBER || !json.getJsonNumber("version").isIntegral()
                || json.getJsonNumber("version").longValue() < 1 || json.getJsonNumber("version").longValue() > Integer.MAX_VALUE) {
            throw new MalformedMessage("version must be a positive integer");
        }
        JsonValue payload = json.get("payload");
        if (payload == null || payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedMessage("payload must be a JSON object");
        }
        return new Envelope(type, json.getInt("version"), key, payload.asJsonObject());
    }

    private static String text(JsonObject json, String name, int maxLength) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedMessage(name + " must be a string");
        }
        String text = json.getString(name);
        if (text.isBlank() || text.length() > maxLength) {
            throw new MalformedMessage(name + " must be 1 to " + maxLength + " characters");
        }
        return text;
    }
}
