package org.moim.notification.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.job.entity.Job;
import org.moim.notification.control.Alerts;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

@Path("me/test-mail")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Me")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TestMailResource {

    @Inject
    Alerts alerts;

    @Inject
    JsonWebToken jwt;

    @POST
    @Transactional
    @Operation(summary = "Send me a test mail",
            description = "Queues the mail \"Moim test mail\" to my own address, to check the server's SMTP settings. "
                    + "The job at Location tells whether the SMTP server took it.")
    @APIResponse(responseCode = "202", description = "Queued",
            headers = @Header(name = "Location", description = "The job: /api/v1/jobs/{id}"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestMailAccepted.class)))
    public Response send() {
        Job job = alerts.requestTestMail(jwt.getSubject());
        return Response.accepted(new TestMailAccepted(job.id(), job.status().name()))
                .location(URI.create("/" + MoimApi.PATH + "/jobs/" + job.id()))
                .build();
    }
}
