package org.moim.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address. Behind a reverse proxy ({@code moim.http.trust-forwarded-for=true}) it
 * is the last entry of {@code X-Forwarded-For}, the one the proxy itself appended; otherwise
 * the connection's peer, so clients cannot choose their own address.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "moim.http.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    public String of(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return compact(request.getRemoteAddr());
    }

    /** IPv6 in its short form (RFC 5952: the longest run of zero groups as "::"), e.g. ::1. */
    static String compact(String address) {
        if (address == null || !address.contains(":") || address.contains("::")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return address;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** Whether a request arrived over TLS, directly or at the trusted proxy. */
    public boolean secure(HttpServletRequest request) {
        return request.isSecure() || trustForwardedFor && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
