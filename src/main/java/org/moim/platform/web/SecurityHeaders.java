package org.moim.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers every response carries: a strict Content-Security-Policy (no inline scripts), no MIME
 * sniffing, no framing, no referrer leaks; HSTS once the request came over TLS.
 */
@WebFilter(filterName = "security-headers", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:; "
            + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Inject
    ClientAddresses addresses;

    @Inject
    @ConfigProperty(name = "moim.http.hsts-max-age", defaultValue = "31536000")
    long hstsMaxAge;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (hstsMaxAge > 0 && addresses.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAge + "; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
