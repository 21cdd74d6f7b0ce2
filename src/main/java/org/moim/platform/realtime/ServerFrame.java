package org.moim.platform.realtime;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.moim.platform.problem.Problem;
import org.moim.platform.problem.Problems;
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

    /**
     * A problem with a client frame: the REST API's problem details (the same body, {@code instance}
     * and extension members included, see {@link org.moim.platform.problem.Failures}); the
     * connection stays.
     */
    record Error(Problem problem, String replyTo) implements ServerFrame {

        /** A problem the gateway itself finds (not a handler's failure). */
        public static Error of(ProblemType type, String detail, String replyTo) {
            return new Error(Problems.body(type, detail, List.of(), null, null, null), replyTo);
        }

        /** A handler's failure, translated as the REST API translates it. */
        public static Error of(Throwable failure, String replyTo) {
            return new Error(Problems.body(failure), replyTo);
        }

        @Override
        public JsonObject toJson() {
            JsonObjectBuilder body = JSON.createObjectBuilder()
                    .add("type", problem.type()).add("title", problem.title()).add("status", problem.status())
                    .add("detail", problem.detail()).add("instance", problem.instance());
            if (problem.errors() != null && !problem.errors().isEmpty()) {
                JsonArrayBuilder list = JSON.createArrayBuilder();
                problem.errors().forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
                body.add("errors", list);
            }
            if (problem.current() != null) {
                body.add("current", representation(problem.current()));
            }
            if (problem.limit() != null) {
                body.add("limit", representation(problem.limit()));
            }
            JsonObjectBuilder frame = frame("error").add("problem", body);
            if (replyTo != null) {
                frame.add("replyTo", replyTo);
            }
            return frame.build();
        }
    }

    /**
     * A REST representation (a record the REST API answers with) as JSON, written by JSON-B exactly
     * as the REST API writes it. A frame that carries something the REST API also serves carries
     * this, so a concept has one shape on both paths: a chat message, a notification, a problem's
     * extension members.
     */
    static JsonValue representation(Object view) {
        return Representations.json(view);
    }

    /** Holds the one JSON-B instance frames are written with (the REST API's defaults). */
    final class Representations {

        private static final Jsonb JSONB = JsonbBuilder.create();

        private Representations() {
        }

        static JsonValue json(Object value) {
            try (var reader = JSON.createReader(new StringReader(JSONB.toJson(value)))) {
                return reader.readValue();
            }
        }
    }
}
