package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The problems that control code raises. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(ProblemException e) {
        var response = problems.response(e.type(), e.getMessage(), e.errors(), e, e.current(), e.limit());
        if (e.type().status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        e.headers().forEach(response::header);
        if (e instanceof RateLimited limited) {
            response.header("Retry-After", Math.max(1, limited.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
