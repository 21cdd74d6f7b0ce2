package org.moim.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * What JAX-RS itself rejects: unknown routes, wrong methods, unsupported or unacceptable media
 * types, missing authentication. The container's own message is replaced by a plain one.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (isParameterConversion(e)) {
            return problems.response(ProblemType.VALIDATION, "A path, query or header parameter has the wrong form.",
                    List.of(), e).build();
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        var response = problems.response(type, detail(status), List.of(), e);
        if (e instanceof NotAllowedException) {
            response.allow(e.getResponse().getAllowedMethods());
        }
        if (e instanceof NotAuthorizedException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    /**
     * JAX-RS answers a parameter it cannot convert (?limit=abc) with 404, as if the address did
     * not exist; it is the client's malformed input. Jersey's ParamException is not API, so it is
     * recognised by name.
     */
    static boolean isParameterConversion(WebApplicationException e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.glassfish.jersey.server.ParamException")) {
                return true;
            }
        }
        return false;
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 401 -> "Sign in first: send a valid access token as 'Authorization: Bearer <token>'.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not support that HTTP method.";
            case 406 -> "None of the accepted media types can be produced; ask for application/json.";
            case 415 -> "Send the request body as application/json.";
            default -> "The request failed with HTTP status " + status + ".";
        };
    }
}
