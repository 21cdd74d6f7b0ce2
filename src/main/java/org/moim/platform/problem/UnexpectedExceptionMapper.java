package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.persistence.LockConflicts;

/**
 * Everything else. Exceptions that arrive wrapped (by transactions, EJB or JSON-B) are unwrapped
 * to the problem inside; concurrent changes (optimistic locks, duplicate keys, lock timeouts and
 * deadlocks) are conflicts (409); what remains is a server fault,
 * logged with its stack trace.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Inject
    Problems problems;

    @Inject
    ProblemExceptionMapper problemMapper;

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problemMapper.toResponse(problem);
            }
            if (cause instanceof OptimisticLockException || DuplicateKeys.is(cause) || LockConflicts.is(cause)) {
                return problems.response(ProblemType.CONFLICT,
                        "Someone else changed this at the same time; reload and try again.", List.of(), e).build();
            }
            if (cause instanceof JsonbException) {
                return problems.response(ProblemType.MALFORMED,
                        "The request body is not valid JSON for this operation.", List.of(), e).build();
            }
        }
        return problems.response(ProblemType.INTERNAL,
                "Something went wrong on our side. Quote the instance id when you report it.", List.of(), e).build();
    }

}
