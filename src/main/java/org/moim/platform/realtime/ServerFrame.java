package org.moim.platform.realtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.List;
import org.moim.platform.problem.FieldError;
import org.moim.platform.problem.ProblemType;

/** Frames the server sends; each carries {@code type} and {@code v} (docs/realtime-protocol.md). */
public sealed interface ServerFrame {

    int VERSION = 1;

    /**
     * JSON-P's provider, looked up once. {@code JSON.createObjectBuilder()} and its siblings look it
     * up on every call (a ServiceLoader scan of the application's jars), which showed in the
     * real-time benchmark's thread dumps; every frame built or parsed on the gateway uses this one.
     */
    JsonProvider JSON = JsonProvider.provider();

    JsonObject toJson();

    private static JsonObjectBuilder frame(String type) {
        return JSON.createObjectBuilder().add("type", type).add("v", VERSION);
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
            JsonObjectBuilder body = JSON.createObjectBuilder()
                    .add("type", problem.uri()).add("title", problem.title()).add("status", problem.status())
                    .add("detail", detail);
            if (errors != null && !errors.isEmpty()) {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
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
