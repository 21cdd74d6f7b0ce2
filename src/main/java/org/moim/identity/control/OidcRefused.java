package org.moim.identity.control;

import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;

/**
 * A sign-in through the OpenID provider that cannot go on. A browser that reached the callback
 * is sent to the sign-in screen, which explains the problem by its type (docs/problems.md).
 */
public class OidcRefused extends ProblemException {

    public static final ProblemType NOT_CONFIGURED = new ProblemType("oidc-not-configured", 404, "Single sign-on is not configured");
    public static final ProblemType STATE_INVALID = new ProblemType("oidc-state-invalid", 400, "Sign-in link not valid");
    public static final ProblemType CODE_REJECTED = new ProblemType("oidc-code-rejected", 400, "Sign-in code rejected");
    public static final ProblemType DENIED = new ProblemType("oidc-denied", 403, "Sign-in denied by the identity provider");
    public static final ProblemType TOKEN_INVALID = new ProblemType("oidc-token-invalid", 401, "ID token not valid");
    public static final ProblemType WRONG_ISSUER = new ProblemType("oidc-wrong-issuer", 401, "ID token from another issuer");
    public static final ProblemType DOMAIN_NOT_ALLOWED = new ProblemType("oidc-domain-not-allowed", 403, "Email domain not allowed");
    public static final ProblemType EMAIL_UNVERIFIED = new ProblemType("oidc-email-unverified", 409, "Email not verified");
    public static final ProblemType PROVIDER_UNAVAILABLE = new ProblemType("oidc-provider-unavailable", 503, "Identity provider unavailable");
    public static final ProblemType HANDOFF_INVALID = new ProblemType("oidc-handoff-invalid", 400, "Sign-in already used or expired");

    public OidcRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    @Override
    public String browserPage() {
        return "/#/sign-in/problem/" + type().slug();
    }

    static OidcRefused notConfigured() {
        return new OidcRefused(NOT_CONFIGURED, "This instance has no identity provider configured.");
    }

    static OidcRefused stateInvalid() {
        return new OidcRefused(STATE_INVALID, "This sign-in was not started in this browser, was used already or has expired. Start again.");
    }

    static OidcRefused codeRejected(String error) {
        return new OidcRefused(CODE_REJECTED, "The identity provider refused the sign-in code (" + error + "). Start again.");
    }

    static OidcRefused denied(String error) {
        return new OidcRefused(DENIED, "The identity provider did not sign you in (" + error + ").");
    }

    static OidcRefused tokenInvalid(String why) {
        return new OidcRefused(TOKEN_INVALID, "The identity provider's ID token is not valid: " + why + ".");
    }

    static OidcRefused wrongIssuer() {
        return new OidcRefused(WRONG_ISSUER, "The ID token was issued by another identity provider than the one configured.");
    }

    static OidcRefused domainNotAllowed() {
        return new OidcRefused(DOMAIN_NOT_ALLOWED, "Accounts with this email domain cannot sign in here.");
    }

    static OidcRefused emailUnverified() {
        return new OidcRefused(EMAIL_UNVERIFIED,
                "An account with this email exists, and the identity provider has not verified the email: the two are not linked.");
    }

    static OidcRefused unavailable(String why) {
        return new OidcRefused(PROVIDER_UNAVAILABLE, "The identity provider cannot be reached (" + why + "). Try again later.");
    }

    static OidcRefused handoffInvalid() {
        return new OidcRefused(HANDOFF_INVALID, "This sign-in was completed already or has expired. Sign in again.");
    }
}
