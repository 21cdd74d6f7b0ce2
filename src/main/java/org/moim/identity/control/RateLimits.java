package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.security.RateLimiter.Delays;
import org.moim.platform.security.RateLimiter.Limit;

/** The configured limits on registering, signing in and refreshing (README's configuration table). */
@ApplicationScoped
public class RateLimits {

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.per-account-address", defaultValue = "5")
    int loginPerAccountAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.per-address", defaultValue = "50")
    int loginPerAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.window", defaultValue = "PT15M")
    Duration loginWindow;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.per-account", defaultValue = "50")
    int loginPerAccount;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.account-window", defaultValue = "PT1H")
    Duration loginAccountWindow;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.delay-after", defaultValue = "10")
    int loginDelayAfter;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.delay", defaultValue = "PT1S")
    Duration loginDelay;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.delay-max", defaultValue = "PT1M")
    Duration loginDelayMax;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.login.known-address-ttl", defaultValue = "P30D")
    Duration knownAddressTtl;

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

    /** Failed sign-ins per email address and client address: this one address is refused, the owner elsewhere is not. */
    public Limit loginFailuresPerAccountAddress() {
        return new Limit("login-account-address", loginPerAccountAddress, loginWindow);
    }

    /** Failed sign-ins per email address from addresses it never signed in from: slower and higher. */
    public Limit loginFailuresPerAccount() {
        return new Limit("login-account", loginPerAccount, loginAccountWindow);
    }

    /** The growing wait between account-wide failures once there were {@code delay-after} of them. */
    public Delays loginDelays() {
        return new Delays(loginDelayAfter, loginDelay, loginDelayMax);
    }

    /** Failed sign-ins per client address, for accounts that never signed in from it. */
    public Limit loginFailuresPerAddress() {
        return new Limit("login-address", loginPerAddress, loginWindow);
    }

    /** Wrong current passwords when changing the password, per account (a stolen access token guessing it). */
    public Limit currentPasswordChecks() {
        return new Limit("current-password", loginPerAccountAddress, loginWindow);
    }

    /** How long a successful sign-in from an address exempts the account there from the account-wide and address-wide limits. */
    public Duration knownAddressTtl() {
        return knownAddressTtl;
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
