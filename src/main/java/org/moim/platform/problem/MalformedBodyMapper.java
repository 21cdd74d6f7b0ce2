package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A body that is not valid JSON, or JSON of the wrong shape, as the JSON-B reader reports it; a
 * problem the strict reader ({@link org.moim.platform.web.StrictJson}) raised keeps its field errors.
 */
@Provider
@ApplicationScoped
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Inject
    Problems problems;

    @Inject
    ProblemExceptionMapper problemMapper;

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {   // the strict JSON reader's findings
                return problemMapper.toResponse(problem);
            }
        }
        return problems.response(ProblemType.MALFORMED,
                "The request body is not valid JSON for this operation.", List.of(), e).build();
    }
}
