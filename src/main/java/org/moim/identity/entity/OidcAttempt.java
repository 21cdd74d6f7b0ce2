package org.moim.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in at the OpenID provider under way: what the callback must match (the browser that
 * started it, the nonce the ID token must carry) and the PKCE verifier that redeems the code.
 * Known by the SHA-256 of its state; spent by deleting it, so a callback is honoured once.
 */
@Entity
@Table(name = "oidc_attempt")
public class OidcAttempt {

    @Id
    @Column(name = "state_hash", length = 64)
    private String stateHash;

    @Column(name = "browser_hash", nullable = false, length = 64)
    private String browserHash;

    @Column(nullable = false, length = 64)
    private String nonce;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(name = "redirect_uri", nullable = false, length = 1000)
    private String redirectUri;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OidcAttempt() {
    }

    public OidcAttempt(String stateHash, String browserHash, String nonce, String codeVerifier, String redirectUri,
                       Instant now, Instant expiresAt) {
        this.stateHash = Objects.requireNonNull(stateHash);
        this.browserHash = Objects.requireNonNull(browserHash);
        this.nonce = Objects.requireNonNull(nonce);
        this.codeVerifier = Objects.requireNonNull(codeVerifier);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** True when the callback comes from the browser that started the sign-in, in time. */
    public boolean admits(String browserHash, Instant now) {
        return this.browserHash.equals(browserHash) && now.isBefore(expiresAt);
    }

    public String stateHash() {
        return stateHash;
    }

    public String nonce() {
        return nonce;
    }

    public String codeVerifier() {
        return codeVerifier;
    }

    public String redirectUri() {
        return redirectUri;
    }
}
