package org.moim.platform.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.platform.problem.Unauthorized;

/**
 * The one place REST requests are authenticated, after MicroProfile JWT has verified the
 * token's signature, issuer, audience and expiry (or the identity store has resolved a personal
 * access token): a revoked token, or any token of a deactivated account, is refused, and an
 * operation that needs a role gets 401 (not 403) when no token came at all. A personal access
 * token must also hold the scopes {@link TokenScopes} names for the operation (403
 * {@code /problems/insufficient-scope}) and stay within its rate limit (429).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessTokenFilter implements ContainerRequestFilter {

    @Inject
    TokenDenyList denyList;

    @Context
    ResourceInfo resource;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "moim.tokens.rate-limit.requests", defaultValue = "600")
    int tokenRequests;

    @Inject
    @ConfigProperty(name = "moim.tokens.rate-limit.window", defaultValue = "PT1M")
    Duration tokenWindow;

    public static final ProblemType INSUFFICIENT_SCOPE = new ProblemType("insufficient-scope", 403, "Token lacks a scope");

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            if (denyList.isDenied(token.getTokenID(), token.getClaim("sid"), token.getSubject())) {
                throw new Unauthorized("This access token has been revoked, or its account deactivated. Sign in again.");
            }
            if (token.getClaim("pat") instanceof String tokenId) {
                authorizeTokenRequest(request, tokenId, token.getClaim("scope"));
            }
        } else if (principal == null && requiresSignIn()) {
            throw new Unauthorized("Sign in first: send a valid access token as 'Authorization: Bearer <token>'.");
        }
    }

    private void authorizeTokenRequest(ContainerRequestContext request, String tokenId, Object scopeClaim) {
        if (resource == null || resource.getResourceClass() == null) {
            return;
        }
        Optional<Set<TokenScope>> needed = TokenScopes.required(resource.getResourceClass(), request.getMethod());
        if (needed.isEmpty()) {
            throw new ProblemException(INSUFFICIENT_SCOPE, "A personal access token cannot do this; sign in as yourself.");
        }
        Set<TokenScope> held = TokenScope.parse(scopeClaim instanceof String s ? s : null);
        if (!held.containsAll(needed.get())) {
            throw new ProblemException(INSUFFICIENT_SCOPE, "This token needs the scope "
                    + TokenScope.format(needed.get()) + "; it has " + (held.isEmpty() ? "none" : TokenScope.format(held)) + ".");
        }
        limiter.acquire(new RateLimiter.Limit("token-requests", tokenRequests, tokenWindow), tokenId);
    }

    private boolean requiresSignIn() {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        if (resource.getResourceMethod().isAnnotationPresent(jakarta.annotation.security.PermitAll.class)) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}
