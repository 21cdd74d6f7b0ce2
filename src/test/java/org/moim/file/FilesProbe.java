package org.moim.file;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.moim.file.control.BlobSweep;
import org.moim.file.control.Conversions;
import org.moim.file.control.ThumbnailRequest;
import org.moim.job.control.Jobs;
import org.moim.job.entity.Job;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.web.MoimApi;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only resource that {@code FilesIT} adds to the WAR: replays a conversion, runs the sweep now. */
@Path("test-probe/files")
@RequestScoped
@RolesAllowed(MoimApi.USER)
public class FilesProbe {

    @Inject
    Jobs jobs;

    @Inject
    Conversions conversions;

    @Inject
    BlobSweep sweep;

    @Inject
    JsonWebToken jwt;

    /** Hands the conversion handler a copy of a thumbnail job's message, as a redelivery would. */
    @Operation(hidden = true)
    @POST
    @Path("redeliver")
    @Transactional
    public Response redeliver(@QueryParam("jobId") String jobId, @QueryParam("fileId") String fileId) {
        Job job = jobs.ofOwner(jwt.getSubject(), jobId);
        conversions.deliver(new Envelope(ThumbnailRequest.TYPE, ThumbnailRequest.VERSION, job.idempotencyKey(),
                new ThumbnailRequest(fileId).payload()));
        return Response.noContent().build();
    }

    /** Runs the hourly sweep now, as of {@code hoursLater} hours from now (so fresh leftovers count as old). */
    @Operation(hidden = true)
    @POST
    @Path("sweep")
    public Response sweep(@QueryParam("hoursLater") int hoursLater) {
        BlobSweep.Swept swept = sweep.sweep(java.time.Instant.now().plus(java.time.Duration.ofHours(hoursLater)));
        return Response.ok("{\"content\":" + swept.content() + ",\"orphans\":" + swept.orphans() + ",\"staged\":" + swept.staged() + "}")
                .type("application/json").build();
    }
}
