package org.moim.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.admin.control.AccountAdministration;
import org.moim.admin.control.AccountDirectory;
import org.moim.admin.control.AdminPolicy;
import org.moim.admin.control.AuditExport;
import org.moim.admin.control.Retries;
import org.moim.audit.control.AuditEntries;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.job.control.DeadJobs;
import org.moim.job.entity.Job;
import org.moim.platform.persistence.Page;
import org.moim.notification.control.MailOutbox;
import org.moim.notification.control.Mailer;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.ClientAddresses;
import org.moim.platform.web.MoimApi;
import org.moim.webhook.control.WebhookDeliveries;

/** The instance's administration, for system administrators only (AdminPolicy decides). */
@Path("admin")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Administration", description = "Accounts, dead jobs, mails and webhook deliveries, the local outbox, and the audit log, for system administrators.")
@APIResponse(responseCode = "401", description = "Not signed in, or the account is deactivated", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a system administrator (not-an-administrator)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {

    @Inject
    AdminPolicy policy;

    @Inject
    AccountDirectory directory;

    @Inject
    AccountAdministration administration;

    @Inject
    AuditEntries audit;

    @Inject
    AuditExport export;

    @Inject
    DeadJobs deadJobs;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Retries retries;

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    ClientAddresses addresses;

    @Inject
    Clock clock;

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServletRequest request;

    @GET
    @Path("accounts")
    @Transactional
    @Operation(summary = "Accounts of this Moim", description = "Newest first; q matches a part of the email or display name.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = AdminAccountPage.class)))
    public AdminAccountPage accounts(@QueryParam("q") String q, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @DefaultValue("50") int limit) {
        policy.require(jwt.getSubject());
        return AdminAccountPage.from(directory.search(q, cursor, limit));
    }

    @POST
    @Path("accounts/{accountId}/deactivation")
    @Transactional
    @Operation(summary = "Deactivate an account", description = "Ends every session and socket of the account at once on every node; "
            + "its tokens and refresh tokens are refused until it is reactivated. Idempotent.")
    @APIResponse(responseCode = "200", description = "Deactivated", content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The last active administrator (last-administrator)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminAccountView deactivate(@PathParam("accountId") String accountId) {
        Account admin = policy.require(jwt.getSubject());
        return AdminAccountView.from(administration.deactivate(admin, accountId, addresses.of(request)));
    }

    @DELETE
    @Path("accounts/{accountId}/deactivation")
    @Transactional
    @Operation(summary = "Reactivate an account", description = "It may sign in again. Idempotent.")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminAccountView reactivate(@PathParam("accountId") String accountId) {
        Account admin = policy.require(jwt.getSubject());
        return AdminAccountView.from(administration.reactivate(admin, accountId, addresses.of(request)));
    }

    @PUT
    @Path("accounts/{accountId}/administrator")
    @Transactional
    @Operation(summary = "Make an account a system administrator", description = "Idempotent.")
    @APIResponse(responseCode = "200", description = "An administrator", content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminAccountView grant(@PathParam("accountId") String accountId) {
        Account admin = policy.require(jwt.getSubject());
        return AdminAccountView.from(administration.grant(admin, accountId, addresses.of(request)));
    }

    @DELETE
    @Path("accounts/{accountId}/administrator")
    @Transactional
    @Operation(summary = "Take the administrator role away", description = "Idempotent; never from the last active administrator.")
    @APIResponse(responseCode = "200", description = "No longer an administrator", content = @Content(schema = @Schema(implementation = AdminAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The last active administrator (last-administrator)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminAccountView revoke(@PathParam("accountId") String accountId) {
        Account admin = policy.require(jwt.getSubject());
        return AdminAccountView.from(administration.revoke(admin, accountId, addresses.of(request)));
    }

    @GET
    @Path("audit")
    @Transactional
    @Operation(summary = "The audit log", description = "Newest first; optionally one action, or what one account did or underwent.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    public AuditPage audit(@QueryParam("action") String action, @QueryParam("account") String account,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        policy.require(jwt.getSubject());
        return AuditPage.from(audit.page(filter(action, account), cursor, limit));
    }

    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "The audit log as CSV", description = "Newest first, at most moim.admin.audit-export.max-rows rows; "
            + "cells a spreadsheet would read as formulas start with an apostrophe.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response auditCsv(@QueryParam("action") String action, @QueryParam("account") String account) {
        policy.require(jwt.getSubject());
        AuditEntries.Filter filter = filter(action, account);
        StreamingOutput body = out -> export.write(filter, out);
        String name = "moim-audit-" + clock.instant().toString().substring(0, 10) + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("jobs")
    @Transactional
    @Operation(summary = "Dead jobs", description = "Background jobs that ran out of attempts, newest first; queue=moim.alerts for the mails.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = AdminJobView.PageView.class)))
    public AdminJobView.PageView deadJobs(@QueryParam("queue") String queue, @QueryParam("cursor") String cursor,
                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        policy.require(jwt.getSubject());
        Page<Job> page = deadJobs.page(queue == null || queue.isBlank() ? null : queue, cursor, limit);
        return AdminJobView.PageView.from(page, directory.byIds(
                page.items().stream().map(Job::ownerAccountId).filter(Objects::nonNull).toList()));
    }

    @POST
    @Path("jobs/{jobId}/retry")
    @Transactional
    @Operation(summary = "Retry a dead job", description = "A new round of attempts with the same message.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = AdminJobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is not DEAD (job-not-dead)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retryJob(@PathParam("jobId") String jobId) {
        Account admin = policy.require(jwt.getSubject());
        Job job = retries.job(admin, jobId, addresses.of(request));
        return Response.accepted(AdminJobView.from(job, directory.byIds(
                job.ownerAccountId() == null ? List.of() : List.of(job.ownerAccountId())))).build();
    }

    @GET
    @Path("outbox")
    @Transactional
    @Operation(summary = "The local outbox", description = "With mail off (moim.mail.enabled=false) and page among moim.mail.outbox's modes, "
            + "the mails the instance would have sent, newest first (the newest moim.mail.outbox.keep are kept), links included: "
            + "whoever reads them can verify addresses and reset passwords of the accounts they were for.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = AdminOutboxView.PageView.class)))
    public AdminOutboxView.PageView outbox(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        policy.require(jwt.getSubject());
        return AdminOutboxView.PageView.from(outbox.page(cursor, limit), mailer.keepsOutboxPage());
    }

    @GET
    @Path("webhook-deliveries")
    @Transactional
    @Operation(summary = "Dead webhook deliveries", description = "Of every workspace's webhooks, newest first.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = AdminDeliveryView.PageView.class)))
    public AdminDeliveryView.PageView deadDeliveries(@QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        policy.require(jwt.getSubject());
        return AdminDeliveryView.PageView.from(deliveries.dead(cursor, limit));
    }

    @POST
    @Path("webhook-deliveries/{deliveryId}/retry")
    @Transactional
    @Operation(summary = "Retry a dead webhook delivery", description = "A new round of attempts with the same body.")
    @APIResponse(responseCode = "202", description = "Queued again", content = @Content(schema = @Schema(implementation = AdminDeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not DEAD (delivery-not-dead)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retryDelivery(@PathParam("deliveryId") String deliveryId) {
        Account admin = policy.require(jwt.getSubject());
        return Response.accepted(AdminDeliveryView.from(retries.delivery(admin, deliveryId, addresses.of(request)))).build();
    }

    private static AuditEntries.Filter filter(String action, String account) {
        AuditAction parsed = null;
        if (action != null && !action.isBlank()) {
            try {
                parsed = AuditAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("action", "must be one of " + java.util.Arrays.toString(AuditAction.values()));
            }
        }
        return new AuditEntries.Filter(parsed, account == null || account.isBlank() ? null : account);
    }
}
