package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body that is not valid JSON, or JSON of the wrong shape, as the JSON-B reader reports it. */
@Provider
@ApplicationScoped
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(ProcessingException e) {
        return problems.response(ProblemType.MALFORMED,
                "The request body is not valid JSON for this operation.", List.of(), e).build();
    }
}
