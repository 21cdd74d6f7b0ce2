package org.moim.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.moim.platform.schedule.entity.ScheduleLease;
import org.moim.platform.schedule.ScheduleLeases;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only resource that {@code RemindersIT} adds to node A's WAR: how often a schedule's lease was taken (each is one run). */
@Path("test-probe/leases")
@RequestScoped
@PermitAll
@Produces(MediaType.TEXT_PLAIN)
public class LeaseProbe {

    @Inject
    ScheduleLeases leases;

    @Operation(hidden = true)

    @GET
    @Path("{name}")
    public String taken(@PathParam("name") String name) {
        ScheduleLease lease = leases.find(name);
        return lease == null ? "0" : Long.toString(lease.taken());
    }
}
