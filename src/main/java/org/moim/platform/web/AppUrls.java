package org.moim.platform.web;

import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/** The app's root for links in mails: {@code moim.mail.public-url}, else the address a request came to. */
public final class AppUrls {

    private AppUrls() {
    }

    /** Ends with {@code /}; a link adds {@code #/route}. */
    public static String root(Optional<String> configured, UriInfo uri) {
        String url = configured.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (url != null) {
            return url.endsWith("/") ? url : url + "/";
        }
        String base = uri.getBaseUri().toString();
        String api = MoimApi.PATH + "/";
        return base.endsWith(api) ? base.substring(0, base.length() - api.length()) : base;
    }
}
