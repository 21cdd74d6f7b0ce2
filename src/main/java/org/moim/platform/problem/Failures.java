package org.moim.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.persistence.LockConflicts;

/**
 * The one translation of a failure into a problem, for the REST API's answers
 * ({@link UnexpectedExceptionMapper}) and the WebSocket's error frames alike, so a failure is the
 * same problem whichever way the request came. Exceptions that arrive wrapped (by transactions,
 * EJB, JSON-B or a future) are unwrapped to the problem inside; concurrent changes (optimistic
 * locks, duplicate keys, lock timeouts and deadlocks) are conflicts (409); what remains is a
 * server fault.
 */
public final class Failures {

    static final String CONFLICT_DETAIL = "Someone else changed this at the same time; reload and try again.";
    static final String INTERNAL_DETAIL = "Something went wrong on our side. Quote the instance id when you report it.";

    /** What a failure is as a problem; {@code raised} is the application's own problem when there was one. */
    public record Translated(ProblemType type, String detail, List<FieldError> errors, ProblemException raised) {

        public Object current() {
            return raised == null ? null : raised.current();
        }

        public Object limit() {
            return raised == null ? null : raised.limit();
        }
    }

    private Failures() {
    }

    public static Translated translate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return new Translated(problem.type(), problem.getMessage(), problem.errors(), problem);
            }
            if (cause instanceof OptimisticLockException || DuplicateKeys.is(cause) || LockConflicts.is(cause)) {
                return new Translated(ProblemType.CONFLICT, CONFLICT_DETAIL, List.of(), null);
            }
            if (cause instanceof JsonbException) {
                return new Translated(ProblemType.MALFORMED, "The request body is not valid JSON for this operation.", List.of(), null);
            }
        }
        return new Translated(ProblemType.INTERNAL, INTERNAL_DETAIL, List.of(), null);
    }
}
