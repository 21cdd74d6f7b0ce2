package org.moim.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.moim.platform.persistence.SchemaMigrations;

/**
 * Until the schema is migrated (a database that was not there at start), the API answers 503
 * problems with {@code Retry-After} instead of failing on missing tables.
 */
@WebFilter(filterName = "not-ready-gate", urlPatterns = "/api/*", asyncSupported = true)
public class NotReadyGate extends HttpFilter {

    @Inject
    SchemaMigrations migrations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!migrations.applied()) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        chain.doFilter(request, response);
    }
}
