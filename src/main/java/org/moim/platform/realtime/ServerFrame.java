package org.moim.platform.realtime;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemType;

/** Frames the server sends; each carries {@code type} and {@code v} (docs/realtime-protocol.md). */
public sealed interface ServerFrame {

    int VERSION = 1;

    JsonObject toJson();

    private static JsonObjectBuilder frame(String type) {
        return Json.createObjectBuilder().add("type", type).add("v", VERSION);
    }

    /** The start of a feature's server frame: {@code type} and {@code v} set, the rest up to the feature. */
    static JsonObjectBuilder of(String type) {
        return frame(type);
    }

    /** The connection is open and authenticated until {@code expiresAt} unless re-authenticated. */
    record Hello(String connectionId, String accountId, Instant expiresAt) implements ServerFrame {
        @Override
        public JsonObject toJson() {
            return frame("hello").add("connectionId", connectionId).add("accountId", accountId)
                    .add("expiresAt", expiresAt.toString()).build();
        }
    }

    record Pong(String id) implements ServerFrame {
        @Override
        public JsonObject toJson() {
            JsonObjectBuilder frame = frame("pong");
            if (id != null) {
                frame.add("id", id);
            }
            return frame.build();
        }
    }

    /** The access token behind the connection expires soon: send a fresh ticket by {@code deadline}. */
    record Reauthenticate(Instant deadline) implements ServerFrame {
        @Override
        public JsonObject toJson() {
            return frame("reauthenticate").add("deadline", deadline.toString()).build();
        }
    }

    record Authenticated(Instant expiresAt) implements ServerFrame {
        @Override
        public JsonObject toJson() {
            return frame("authenticated").add("expiresAt", expiresAt.toString()).build();
        }
    }

    /** A problem with a client frame, shaped like the REST API's problem details; the connection stays. */
    record Error(ProblemType problem, String detail, String replyTo, List<FieldError> errors) implements ServerFrame {

        public Error(ProblemType problem, String detail, String replyTo) {
            this(problem, detail, replyTo, List.of());
        }

        @Override
        public JsonObject toJson() {
            JsonObjectBuilder body = Json.createObjectBuilder()
                    .add("type", problem.uri()).add("title", problem.title()).add("status", problem.status())
                    .add("detail", detail);
            if (errors != null && !errors.isEmpty()) {
                JsonArrayBuilder list = Json.createArrayBuilder();
                errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
                body.add("errors", list);
            }
            JsonObjectBuilder frame = frame("error").add("problem", body);
            if (replyTo != null) {
                frame.add("replyTo", replyTo);
            }
            return frame.build();
        }
    }
}
