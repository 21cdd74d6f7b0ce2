package org.moim.notification.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.moim.notification.control.AppAddress;
import org.moim.platform.web.MoimApi;

/** Tells {@link AppAddress} where signed-in people reach the app, for links in mail composed later. */
@Provider
@Priority(Priorities.USER)
public class AppAddressFilter implements ContainerRequestFilter {

    @Inject
    AppAddress address;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null) {
            String base = request.getUriInfo().getBaseUri().toString();
            String api = MoimApi.PATH + "/";
            address.seen(base.endsWith(api) ? base.substring(0, base.length() - api.length()) : base);
        }
    }
}
