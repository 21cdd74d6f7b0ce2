package org.moim.calendar.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.web.ClientAddresses;

/**
 * The server's own URL for feed links: {@code moim.calendar.feed.base-url} when set, else the
 * scheme and host the request came to (over TLS when the trusted proxy says so).
 */
@ApplicationScoped
public class FeedLinks {

    @Inject
    @ConfigProperty(name = "moim.calendar.feed.base-url")
    Optional<String> configured;

    @Inject
    ClientAddresses addresses;

    /** {@code https://host[:port]} without a trailing slash. */
    public String baseUrl(HttpServletRequest request) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String url = configured.get().strip();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank() || !host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return (addresses.secure(request) ? "https" : "http") + "://" + host;
    }
}
