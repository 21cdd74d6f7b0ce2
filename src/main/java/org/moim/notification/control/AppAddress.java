package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The app's root for links in notification mail, which is composed with no request at hand:
 * {@code moim.mail.public-url} when set (production should set it), else the address the last
 * signed-in request on this node came to, else {@code http://localhost:8080/}.
 */
@ApplicationScoped
public class AppAddress {

    static final String FALLBACK = "http://localhost:8080/";

    @Inject
    @ConfigProperty(name = "moim.mail.public-url")
    Optional<String> publicUrl;

    private volatile String seen;

    /** Called for signed-in requests with the address they came to (the app's root, ending in /). */
    public void seen(String root) {
        if (root != null && (root.startsWith("http://") || root.startsWith("https://"))) {
            seen = root.endsWith("/") ? root : root + "/";
        }
    }

    public String root() {
        String configured = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured : configured + "/";
        }
        String last = seen;
        return last != null ? last : FALLBACK;
    }
}
