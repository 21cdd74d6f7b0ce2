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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.moim.platform.problem.Unauthorized;

/**
 * The one place REST requests are authenticated, after MicroProfile JWT has verified the
 * token's signature, issuer, audience and expiry: a revoked token, or any token of a deactivated
 * account, is refused, and an operation
 * that needs a role gets 401 (not 403) when no token came at all.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessTokenFilter implements ContainerRequestFilter {

    @Inject
    TokenDenyList denyList;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken token) {
            if (denyList.isDenied(token.getTokenID(), token.getClaim("sid"), token.getSubject())) {
                throw new Unauthorized("This access token has been revoked, or its account deactivated. Sign in again.");
            }
        } else if (principal == null && requiresSignIn()) {
            throw new Unauthorized("Sign in first: send a valid access token as 'Authorization: Bearer <token>'.");
        }
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
