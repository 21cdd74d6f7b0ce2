package org.moim.billing.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.web.MoimApi;

/**
 * The app's public address, where payers come back from a checkout: {@code moim.billing.public-url}
 * when set (behind a proxy that rewrites hosts), else the address this request came to.
 */
@ApplicationScoped
public class AppUrls {

    @Inject
    @ConfigProperty(name = "moim.billing.public-url")
    Optional<String> publicUrl;

    /** The app's root, ending in {@code /}. */
    public String root(UriInfo uri) {
        String configured = publicUrl.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured : configured + "/";
        }
        String base = uri.getBaseUri().toString();
        String api = MoimApi.PATH + "/";
        return base.endsWith(api) ? base.substring(0, base.length() - api.length()) : base;
    }

    /** {@code ko} when the first language the client accepts is Korean, else {@code en}. */
    public static String language(String requested, HttpHeaders headers) {
        if ("ko".equals(requested) || "en".equals(requested)) {
            return requested;
        }
        for (Locale locale : headers == null ? java.util.List.<Locale>of() : headers.getAcceptableLanguages()) {
            if ("ko".equals(locale.getLanguage())) {
                return "ko";
            }
            if ("en".equals(locale.getLanguage())) {
                return "en";
            }
        }
        return "en";
    }
}
