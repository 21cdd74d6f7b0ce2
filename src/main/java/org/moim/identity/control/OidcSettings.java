package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** OpenID Connect sign-in as configured (README's configuration table, docs/security.md). Off without an issuer. */
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "moim.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "moim.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "moim.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "moim.oidc.scopes", defaultValue = "openid email profile")
    String scopes;

    @Inject
    @ConfigProperty(name = "moim.oidc.claims.name", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "moim.oidc.claims.email", defaultValue = "email")
    String emailClaim;

    @Inject
    @ConfigProperty(name = "moim.oidc.claims.locale", defaultValue = "locale")
    String localeClaim;

    @Inject
    @ConfigProperty(name = "moim.oidc.allowed-domains")
    Optional<String> allowedDomains;

    @Inject
    @ConfigProperty(name = "moim.oidc.button-label", defaultValue = "SSO")
    String buttonLabel;

    @Inject
    @ConfigProperty(name = "moim.oidc.redirect-uri")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "moim.oidc.sign-in-timeout", defaultValue = "PT10M")
    Duration signInTimeout;

    @Inject
    @ConfigProperty(name = "moim.oidc.http-timeout", defaultValue = "PT10S")
    Duration httpTimeout;

    @Inject
    @ConfigProperty(name = "moim.oidc.logout-at-provider", defaultValue = "false")
    boolean logoutAtProvider;

    public boolean enabled() {
        return issuer().isPresent() && clientId().isPresent();
    }

    public Optional<String> issuer() {
        return issuer.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> clientId() {
        return clientId.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> clientSecret() {
        return clientSecret.filter(s -> !s.isBlank());
    }

    public String scopes() {
        return scopes.contains("openid") ? scopes : "openid " + scopes;
    }

    public String nameClaim() {
        return nameClaim;
    }

    public String emailClaim() {
        return emailClaim;
    }

    public String localeClaim() {
        return localeClaim;
    }

    /** Lower-case domains an email must be in; empty allows every domain. */
    public List<String> allowedDomains() {
        return allowedDomains.stream()
                .flatMap(value -> Stream.of(value.split(",")))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty())
                .toList();
    }

    public String buttonLabel() {
        return buttonLabel;
    }

    /** Where the provider sends the browser back; unset means this server's own callback address. */
    public Optional<String> redirectUri() {
        return redirectUri.map(String::strip).filter(s -> !s.isEmpty());
    }

    public Duration signInTimeout() {
        return signInTimeout;
    }

    public Duration httpTimeout() {
        return httpTimeout;
    }

    public boolean logoutAtProvider() {
        return logoutAtProvider;
    }
}
