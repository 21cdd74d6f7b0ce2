package org.moim.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.InvalidField;
import org.moim.webhook.entity.Webhook;

/**
 * Which URLs a webhook may have, and which addresses Moim may connect to for it: the guard against
 * server-side request forgery (a workspace manager making the server call its own network).
 *
 * <ul>
 *   <li>Always refused: addresses that are not one host ({@code 0.0.0.0/8}, {@code ::}, multicast,
 *       broadcast) and link-local ones ({@code 169.254.0.0/16} with the cloud metadata service
 *       {@code 169.254.169.254}, {@code fe80::/10}).</li>
 *   <li>Refused unless {@code moim.webhooks.allow-private-networks=true}: loopback
 *       ({@code 127.0.0.0/8}, {@code ::1}), private ranges ({@code 10/8}, {@code 172.16/12},
 *       {@code 192.168/16}, {@code fc00::/7}) and shared address space ({@code 100.64/10}).</li>
 * </ul>
 *
 * A host name is resolved and every address it resolves to must pass, at creation (when it
 * resolves) and again before each attempt. Redirects are never followed.
 */
@ApplicationScoped
public class WebhookAddresses {

    @Inject
    @ConfigProperty(name = "moim.webhooks.allow-private-networks", defaultValue = "false")
    boolean allowPrivateNetworks;

    /** A webhook URL as given by a person: http or https, a host, no user name or password. */
    public URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > Webhook.MAX_URL) {
            throw new InvalidField("url", "must be an http or https URL of at most " + Webhook.MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidField("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidField("url", "must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidField("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidField("url", "must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidField("url", "must not contain a fragment (#…)");
        }
        return uri;
    }

    /**
     * Refuses a URL whose host is, or resolves to, an address Moim may not call. A host that does
     * not resolve (now) passes: {@link #resolve} decides again before each attempt.
     */
    public void checkWhenSaved(URI uri) {
        try {
            resolve(uri);
        } catch (UnknownHostException e) {
            // Not resolvable right now: the attempts will tell (and retry).
        }
    }

    /** Every address of the URL's host, each one allowed; {@link WebhookAddressRefused} otherwise. */
    public List<InetAddress> resolve(URI uri) throws UnknownHostException {
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            String reason = refusal(address, allowPrivateNetworks);
            if (reason != null) {
                throw new WebhookAddressRefused(uri.getHost() + " is " + reason
                        + (reason.startsWith("a private") || reason.startsWith("a loopback")
                        ? " (moim.webhooks.allow-private-networks is false)" : ""));
            }
        }
        return addresses;
    }

    /** Why the address may not be called, or null when it may. */
    static String refusal(InetAddress address, boolean allowPrivate) {
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || isThisNetworkOrBroadcast(address)) {
            return "not the address of one host (" + address.getHostAddress() + ")";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (" + address.getHostAddress() + ")";
        }
        if (allowPrivate) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address (" + address.getHostAddress() + ")";
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedAddressSpace(address)) {
            return "a private network address (" + address.getHostAddress() + ")";
        }
        return null;
    }

    private static boolean isThisNetworkOrBroadcast(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        return b[0] == 0 || (b[0] == (byte) 255 && b[1] == (byte) 255 && b[2] == (byte) 255 && b[3] == (byte) 255);
    }

    /** fc00::/7 (IPv6 unique local addresses). */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10 (carrier-grade NAT). */
    private static boolean isSharedAddressSpace(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
