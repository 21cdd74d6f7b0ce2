package org.moim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.moim.it.Keycloak;

/**
 * One browser's worth of the authorization code flow over plain HTTP: its own cookies (Moim's
 * state cookie, Keycloak's session), redirects followed by hand so each hop can be looked at,
 * and Keycloak's real login form filled in and posted.
 */
final class ProviderFlow {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions/authenticate[^\"]*)\"");
    private static final Pattern HANDOFF = Pattern.compile("#/oidc/([A-Za-z0-9_-]+)$");

    private final URI base;
    /*
     * Cookies by host and port, kept by hand: Java's CookieManager never sends the cookies
     * Keycloak marks Secure over plain http, which browsers do send to loopback.
     */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** This browser's own client address (the test server trusts X-Forwarded-For, as Api does). */
    private final String address = "10.77." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
            + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(254));

    ProviderFlow(URL base) {
        this.base = URI.create(base.toString());
    }

    /** Moim's start: a 303 to the provider's authorization endpoint (and the state cookie). */
    URI start() {
        HttpResponse<String> started = get(base.resolve("/api/v1/auth/oidc/start"), "text/html");
        assertThat(started.statusCode()).as("start: %s", started.body()).isEqualTo(303);
        return location(started);
    }

    /** At the provider: its login form (or, with a provider session already, none), then the redirect back to Moim's callback. */
    URI signInAtProvider(URI authorization, String username) {
        HttpResponse<String> page = get(authorization, "text/html");
        if (page.statusCode() == 302) {
            return location(page);  // signed in at the provider already
        }
        assertThat(page.statusCode()).as("the provider's login page").isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as("a login form in %s", page.body()).isTrue();
        String form = Map.of("username", username, "password", Keycloak.passwordOf(username), "credentialId", "")
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(posted.statusCode()).as("the provider signs %s in: %s", username, posted.body()).isEqualTo(302);
        URI callback = location(posted);
        assertThat(callback.getPath()).isEqualTo("/api/v1/auth/oidc/callback");
        return callback;
    }

    /** The callback as a script would call it (problems as JSON). */
    HttpResponse<String> callback(URI callback) {
        return get(callback, "application/json");
    }

    /** Start, sign in at the provider, come back: the one-time code the app collects its tokens with. */
    String signIn(String username) {
        HttpResponse<String> back = callback(signInAtProvider(start(), username));
        assertThat(back.statusCode()).as("callback: %s", back.body()).isEqualTo(303);
        return handoff(back);
    }

    static String handoff(HttpResponse<String> back) {
        Matcher code = HANDOFF.matcher(back.headers().firstValue("Location").orElseThrow());
        assertThat(code.find()).as("a handoff code in %s", back.headers().firstValue("Location")).isTrue();
        return code.group(1);
    }

    HttpResponse<String> get(URI uri, String accept) {
        return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).header("X-Forwarded-For", address).build();
        Map<String, String> jar = cookies.computeIfAbsent(built.uri().getRawAuthority(), a -> new HashMap<>());
        if (!jar.isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")))
                    .build();
        }
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location in " + response));
        return response.uri().resolve(location);
    }

    /** The URI with one query parameter replaced (or added). */
    static URI withParameter(URI uri, String name, String value) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String kept = java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        String added = (kept.isEmpty() ? "" : kept + "&") + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + added);
    }

    static String parameter(URI uri, String name) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> p.startsWith(name + "="))
                .map(p -> java.net.URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow();
    }
}
