package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns problems into responses, and logs each under the same {@code instance} id the client
 * sees: client mistakes quietly, server failures loudly with their stack trace. Bodies never
 * carry stack traces, SQL or class names.
 */
@ApplicationScoped
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    public Response.ResponseBuilder response(ProblemType type, String detail, List<FieldError> errors, Throwable cause) {
        return response(type, detail, errors, cause, null);
    }

    /** With {@code current}: the current representation of the thing (for stale updates), or null. */
    public Response.ResponseBuilder response(ProblemType type, String detail, List<FieldError> errors, Throwable cause,
                                             Object current) {
        return response(type, detail, errors, cause, current, null);
    }

    /** With {@code limit} too: the plan limit a plan-limit problem is about, or null. */
    public Response.ResponseBuilder response(ProblemType type, String detail, List<FieldError> errors, Throwable cause,
                                             Object current, Object limit) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body(type, detail, errors, cause, current, limit));
    }

    /**
     * A problem's body with a fresh {@code instance}, logged under it: for REST answers and the
     * WebSocket's error frames alike.
     */
    public static Problem body(ProblemType type, String detail, List<FieldError> errors, Throwable cause, Object current, Object limit) {
        String instance = "urn:uuid:" + UUID.randomUUID();
        if (type.status() >= 500) {
            LOG.log(Level.SEVERE, "Problem " + instance + " (" + type.slug() + "): " + detail, cause);
        } else {
            LOG.fine(() -> "Problem " + instance + " (" + type.slug() + ", " + type.status() + "): " + detail);
        }
        return new Problem(type.uri(), type.title(), type.status(), detail, instance,
                errors == null || errors.isEmpty() ? null : errors, current, limit);
    }

    /** A failure as the problem {@link Failures} makes of it, with a fresh {@code instance}. */
    public static Problem body(Throwable failure) {
        Failures.Translated translated = Failures.translate(failure);
        return body(translated.type(), translated.detail(), translated.errors(), failure, translated.current(), translated.limit());
    }

    public Response response(ProblemType type, String detail) {
        return response(type, detail, List.of(), null).build();
    }
}
