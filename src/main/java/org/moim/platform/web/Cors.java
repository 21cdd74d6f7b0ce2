package org.moim.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access to the API, off unless {@code moim.cors.allowed-origins} lists origins
 * (exact matches, comma separated). Tokens travel in headers, so credentials are never allowed.
 */
@WebFilter(filterName = "cors", urlPatterns = "/api/*", asyncSupported = true)
public class Cors extends HttpFilter {

    @Inject
    @ConfigProperty(name = "moim.cors.allowed-origins")
    Optional<String> allowedOrigins;

    private List<String> origins() {
        return allowedOrigins.map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList())
                .orElse(List.of());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && origins().contains(origin);
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
            response.setHeader("Access-Control-Expose-Headers",
                    "ETag, Location, Retry-After, Content-Disposition, Content-Range, Content-Length, Accept-Ranges");
            if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
                response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
                response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, "
                        + "Content-Disposition, Range, If-Range");
                response.setHeader("Access-Control-Max-Age", "600");
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
