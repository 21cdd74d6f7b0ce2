package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything else, translated by {@link Failures} (the same translation the WebSocket's error
 * frames use): the application's own problems keep their answer (headers and browser pages
 * included), concurrent changes are conflicts (409), what remains is a server fault, logged with
 * its stack trace.
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
        Failures.Translated failure = Failures.translate(e);
        if (failure.raised() != null) {
            return problemMapper.toResponse(failure.raised());
        }
        return problems.response(failure.type(), failure.detail(), failure.errors(), e).build();
    }
}
