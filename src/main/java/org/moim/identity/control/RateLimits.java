package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.RateLimiter.Limit;

/** The configured limits on registering, signing in and refreshing (README's configuration table). */
@ApplicationScoped
public class RateLimits {

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.per-account", defaultValue = "5")
    int loginPerAccount;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.per-address", defaultValue = "50")
    int loginPerAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.window", defaultValue = "PT15M")
    Duration loginWindow;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.register.per-address", defaultValue = "10")
    int registerPerAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.register.window", defaultValue = "PT1H")
    Duration registerWindow;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.refresh.per-address", defaultValue = "60")
    int refreshPerAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.refresh.window", defaultValue = "PT1M")
    Duration refreshWindow;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.oidc-start.per-address", defaultValue = "30")
    int oidcStartPerAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.oidc-start.window", defaultValue = "PT1M")
    Duration oidcStartWindow;

    /** Failed sign-ins (and wrong current passwords) per email address. */
    public Limit loginFailuresPerAccount() {
        return new Limit("login-account", loginPerAccount, loginWindow);
    }

    /** Failed sign-ins per client address. */
    public Limit loginFailuresPerAddress() {
        return new Limit("login-address", loginPerAddress, loginWindow);
    }

    public Limit registrationsPerAddress() {
        return new Limit("register-address", registerPerAddress, registerWindow);
    }

    public Limit refreshPerAddress() {
        return new Limit("refresh-address", refreshPerAddress, refreshWindow);
    }

    /** Single sign-ons started per client address (each stores an attempt until it expires). */
    public Limit oidcStartsPerAddress() {
        return new Limit("oidc-start-address", oidcStartPerAddress, oidcStartWindow);
    }
}
