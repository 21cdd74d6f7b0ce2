package org.moim.platform.problem;

import java.util.List;

/**
 * A failure the client can act on. Control code throws subclasses named for the problem
 * ({@code EmailTaken}, {@code InvalidCredentials}); one mapper turns them into RFC 9457 bodies.
 * Control code never builds HTTP responses.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
