package org.moim.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One structured line per request: id, method, path (never the query string, headers or body,
 * so no token or password reaches the log), status, duration and account. The id is returned as
 * {@code X-Request-Id}.
 */
@WebFilter(filterName = "request-log", urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {

    private static final Logger LOG = Logger.getLogger("org.moim.requests");

    /**
     * A request attribute with the path to log instead of the real one, for paths that carry a
     * secret (a feature sets it, e.g. the calendar feed's token URL).
     */
    public static final String LOGGED_PATH = "org.moim.requests.logged-path";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = UUID.randomUUID().toString();
        response.setHeader("X-Request-Id", id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isLoggable(Level.INFO)) {
                Principal principal = request.getUserPrincipal();
                LOG.info(String.format("request id=%s method=%s path=\"%s\" status=%d ms=%d account=%s",
                        id, request.getMethod(), sanitize(loggedPath(request)), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000, principal == null ? "-" : principal.getName()));
            }
        }
    }

    private static String loggedPath(HttpServletRequest request) {
        return request.getAttribute(LOGGED_PATH) instanceof String path ? path : request.getRequestURI();
    }

    /** Paths are logged as one line of at most 200 printable characters. */
    static String sanitize(String path) {
        String printable = path == null ? "" : path.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
    }
}
