package org.moim.platform.problem;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Errors the servlet container answers itself, outside JAX-RS: unknown paths, rejected tokens
 * from the authentication mechanism, failures in filters. Browsers asking for HTML get a page;
 * everyone else the same problem details as the API.
 */
@WebServlet(name = "error-page", urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Problems problems;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 401 -> "Sign in first: send a valid, unexpired access token as 'Authorization: Bearer <token>'.";
            case 403 -> "You are not allowed to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not support that HTTP method.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request failed.";
        };
        var built = problems.response(type, detail, List.of(), failure).build();
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html") && !String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).startsWith("/api/")) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + "</title><link rel=\"stylesheet\" href=\"/assets/styles.css\"></head><body><main class=\"error-page\"><h1>"
                    + status + "</h1><p>" + type.title() + "</p><p><a href=\"/\">Moim</a></p></main></body></html>");
            return;
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(built.getEntity()));
    }
}
