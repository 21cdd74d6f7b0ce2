package org.moim.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Control code throws subclasses named for the problem
 * ({@code EmailTaken}, {@code InvalidCredentials}); one mapper turns them into RFC 9457 bodies.
 * Control code never builds HTTP responses.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Object current;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        this(type, detail, errors, null, Map.of());
    }

    /**
     * With {@code current}: a response record (never an entity) of the thing as it is now, sent
     * as the problem's {@code current} member, e.g. for a stale {@code If-Match}.
     */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Object current) {
        this(type, detail, errors, current, Map.of());
    }

    /** With response headers the problem needs, e.g. {@code Content-Range} on a 416. */
    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        this(type, detail, errors, null, headers);
    }

    private ProblemException(ProblemType type, String detail, List<FieldError> errors, Object current, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.current = current;
        this.headers.putAll(headers);
    }

    /** A response header the problem needs, e.g. {@code Content-Range} on a 416; for subclass constructors. */
    protected final void header(String name, String value) {
        headers.put(name, value);
    }

    /** Response headers to send with the problem. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** The current representation the problem carries, or null. */
    public Object current() {
        return current;
    }

    /** An extension member for the body (a response record, never an entity), or null. */
    public Object limit() {
        return null;
    }

    /**
     * Where a browser that navigated here (rather than calling the API) is sent to read about the
     * problem, e.g. the sign-in screen after a failed single sign-on; null answers with the body.
     */
    public String browserPage() {
        return null;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
