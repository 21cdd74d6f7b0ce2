package org.moim.identity.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The configured OpenID provider over HTTP: its discovery document (fetched once, again after a
 * failure), its signing keys (cached by Nimbus, fetched again for an unknown key id) and its
 * token endpoint. A provider that cannot be reached is {@link OidcRefused#PROVIDER_UNAVAILABLE}.
 */
@ApplicationScoped
public class OidcProvider {

    @Inject
    OidcSettings settings;

    private volatile Metadata metadata;
    private volatile JWKSource<SecurityContext> keys;

    /** The endpoints the provider announces for the configured issuer. */
    public record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
                           String endSessionEndpoint) {
    }

    public Metadata metadata() {
        Metadata known = metadata;
        if (known != null) {
            return known;
        }
        String issuer = settings.issuer().orElseThrow(OidcRefused::notConfigured);
        String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json"));
        if (response.statusCode() != 200) {
            throw OidcRefused.unavailable("discovery answered " + response.statusCode());
        }
        JsonObject json = parse(response.body());
        if (!issuer.equals(json.getString("issuer", null))) {
            // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for.
            throw OidcRefused.wrongIssuer();
        }
        known = new Metadata(issuer, json.getString("authorization_endpoint"), json.getString("token_endpoint"),
                json.getString("jwks_uri"), json.getString("end_session_endpoint", null));
        metadata = known;
        return known;
    }

    /** The provider's signing keys, cached; an unknown key id fetches them again (key rotation). */
    public JWKSource<SecurityContext> keys() {
        JWKSource<SecurityContext> known = keys;
        if (known == null) {
            int timeout = (int) settings.httpTimeout().toMillis();
            try {
                known = JWKSourceBuilder.<SecurityContext>create(URI.create(metadata().jwksUri()).toURL(),
                                new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                        .retrying(true)
                        .build();
            } catch (MalformedURLException e) {
                throw OidcRefused.unavailable("bad jwks_uri");
            }
            keys = known;
        }
        return known;
    }

    /** Redeems an authorization code with its PKCE verifier; returns the token response's ID token. */
    public String redeem(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        String clientId = settings.clientId().orElseThrow(OidcRefused::notConfigured);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(metadata().tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (settings.clientSecret().isPresent()) {
            // client_secret_basic (RFC 6749, section 2.3.1): both parts form-encoded first.
            String credentials = encode(clientId) + ":" + encode(settings.clientSecret().get());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() >= 500) {
            throw OidcRefused.unavailable("token endpoint answered " + response.statusCode());
        }
        JsonObject json = parse(response.body());
        if (response.statusCode() != 200) {
            // invalid_grant: a code used already, expired, or redeemed with another verifier.
            throw OidcRefused.codeRejected(json.getString("error", "status " + response.statusCode()));
        }
        String idToken = json.getString("id_token", null);
        if (idToken == null) {
            throw OidcRefused.tokenInvalid("the token response has no ID token (is 'openid' among the scopes?)");
        }
        return idToken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try (client) {
            return client.send(request.timeout(settings.httpTimeout()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw OidcRefused.unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcRefused.unavailable("interrupted");
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw OidcRefused.unavailable("an answer that is not JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
