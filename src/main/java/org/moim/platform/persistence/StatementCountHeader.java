package org.moim.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reports the request's statement count when the diagnostics switch is on. */
@Provider
@ApplicationScoped
public class StatementCountHeader implements ContainerResponseFilter {

    @Inject
    @ConfigProperty(name = "moim.diagnostics.sql-statement-count", defaultValue = "false")
    boolean enabled;

    @Inject
    StatementTally tally;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled) {
            response.getHeaders().putSingle(StatementCounter.HEADER, tally.statements());
        }
    }
}
