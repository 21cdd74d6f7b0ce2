package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which ways of signing in this instance offers. The one home of the password switch: every
 * password endpoint (sign-in, registration, reset, change) asks {@link #requirePasswords()}.
 */
@ApplicationScoped
public class AuthMethods {

    @Inject
    @ConfigProperty(name = "moim.auth.password.enabled", defaultValue = "true")
    boolean passwordEnabled;

    @Inject
    OidcSettings oidc;

    public boolean passwords() {
        return passwordEnabled;
    }

    /** {@link PasswordSignInDisabled} when passwords are switched off. */
    public void requirePasswords() {
        if (!passwordEnabled) {
            throw new PasswordSignInDisabled();
        }
    }

    /** The label of the "Sign in with …" button, or null when no provider is configured. */
    public String providerLabel() {
        return oidc.enabled() ? oidc.buttonLabel() : null;
    }
}
