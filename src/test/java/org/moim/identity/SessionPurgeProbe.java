package org.moim.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.moim.identity.control.SessionPurge;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only resource that {@code IdentityIT} adds to the deployed WAR: runs the daily session purge with a given cut-off. */
@Path("test-probe/sessions")
@RequestScoped
@PermitAll
@Produces(MediaType.TEXT_PLAIN)
public class SessionPurgeProbe {

    @Inject
    SessionPurge purge;

    @Operation(hidden = true)

    @POST
    @Path("purge")
    @Transactional
    public String purge(@QueryParam("before") String before) {
        return Integer.toString(purge.endedBefore(Instant.parse(before)));
    }
}
