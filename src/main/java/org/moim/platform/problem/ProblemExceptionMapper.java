package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/** The problems that control code raises. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Inject
    Problems problems;

    @Inject
    HttpServletRequest request;

    @Override
    public Response toResponse(ProblemException e) {
        if (e.browserPage() != null && navigatedByBrowser()) {
            problems.response(e.type(), e.getMessage(), e.errors(), e);  // logged like any other
            return Response.seeOther(URI.create(e.browserPage())).build();
        }
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

    /** A page load (the browser asks for HTML first), not a script's API call. */
    private boolean navigatedByBrowser() {
        String accept = request.getHeader("Accept");
        return accept != null && accept.startsWith("text/html");
    }
}
