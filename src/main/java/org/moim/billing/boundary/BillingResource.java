package org.moim.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.billing.control.BillingAction;
import org.moim.billing.control.BillingEvents;
import org.moim.billing.control.BillingPolicy;
import org.moim.billing.control.Checkouts;
import org.moim.billing.control.Invoices;
import org.moim.billing.control.Payments;
import org.moim.billing.control.Refunds;
import org.moim.billing.control.Subscriptions;
import org.moim.platform.problem.Problem;
import org.moim.platform.web.MoimApi;

/**
 * A workspace's billing, for its owners only (docs/permissions.md). Starting a checkout, cancelling
 * an open one and refunding call the payment provider outside any transaction (see
 * {@link Checkouts}); everything else is one transaction.
 */
@Path("workspaces/{workspaceId}/billing")
@RequestScoped
@RolesAllowed(MoimApi.USER)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = MoimApi.BEARER)
@Tag(name = "Billing", description = "Plans, limits, payments and invoices. See docs/billing.md.")
@APIResponse(responseCode = "401", description = "Not signed in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only owners see and change billing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such workspace (or payment, invoice) of yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BillingResource {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Checkouts checkouts;

    @Inject
    Payments payments;

    @Inject
    Refunds refunds;

    @Inject
    Invoices invoices;

    @Inject
    BillingEvents events;

    @Inject
    BillingPolicy policy;

    @Inject
    AppUrls urls;

    @Inject
    JsonWebToken jwt;

    @GET
    @Transactional
    @Operation(summary = "The subscription", description = "Plan, period, price, renewal date, cancellation and the open payment.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public SubscriptionView get(@PathParam("workspaceId") String workspaceId) {
        Subscriptions.Summary summary = subscriptions.summary(workspaceId, jwt.getSubject());
        return SubscriptionView.from(summary.subscription(), summary.now(), summary.openPayment());
    }

    @POST
    @Path("checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start (or resume) paying for a plan",
            description = "Answers the workspace's one open payment for these terms and the page to pay it on: 201 when this request "
                    + "created it, 200 when it existed (concurrent or repeated requests get the same payment). An open checkout for "
                    + "other terms is cancelled. The plan changes when the provider's webhook reports the payment.")
    @APIResponse(responseCode = "201", description = "A new payment", content = @Content(schema = @Schema(ref = "Checkout")))
    @APIResponse(responseCode = "200", description = "The open payment for these terms", content = @Content(schema = @Schema(ref = "Checkout")))
    @APIResponse(responseCode = "409", description = "Already on this plan and period, or a renewal is in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The payment provider did not answer; try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkout(@PathParam("workspaceId") String workspaceId, @Valid @NotNull StartCheckoutRequest body,
                             @Context UriInfo uri, @Context HttpHeaders headers) {
        Checkouts.Started started = checkouts.start(workspaceId, jwt.getSubject(), body.plan, body.period, body.currency,
                urls.root(uri), AppUrls.language(body.locale, headers));
        return Response.status(started.isNew() ? Response.Status.CREATED : Response.Status.OK)
                .entity(CheckoutView.from(started.payment())).build();
    }

    @POST
    @Path("subscription/cancel")
    @Transactional
    @Operation(summary = "Cancel at the end of the period", description = "The plan stays until periodEnd, then the workspace is FREE. Cancelling again is fine.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "No paid plan to cancel", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView cancel(@PathParam("workspaceId") String workspaceId) {
        subscriptions.cancel(workspaceId, jwt.getSubject());
        return get(workspaceId);
    }

    @POST
    @Path("subscription/resume")
    @Transactional
    @Operation(summary = "Take back a cancellation", description = "Before the period ends; resuming again is fine.")
    @APIResponse(responseCode = "200", description = "Renews again", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "No paid plan to resume", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionView resume(@PathParam("workspaceId") String workspaceId) {
        subscriptions.resume(workspaceId, jwt.getSubject());
        return get(workspaceId);
    }

    @GET
    @Path("payments")
    @Transactional
    @Operation(summary = "Payments, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = PaymentPage.class)))
    public PaymentPage payments(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return PaymentPage.of(payments.list(workspaceId, jwt.getSubject(), limit, cursor).map(PaymentView::from));
    }

    @GET
    @Path("payments/{paymentId}")
    @Transactional
    @Operation(summary = "One payment")
    @APIResponse(responseCode = "200", description = "The payment", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    public PaymentView payment(@PathParam("workspaceId") String workspaceId, @PathParam("paymentId") String paymentId) {
        return PaymentView.from(payments.get(workspaceId, jwt.getSubject(), paymentId));
    }

    @POST
    @Path("payments/{paymentId}/cancel")
    @Operation(summary = "Abandon an open checkout", description = "CREATED or PENDING → CANCELLED; cancelling again is fine.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "409", description = "Paid, failed or refunded already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentView cancelPayment(@PathParam("workspaceId") String workspaceId, @PathParam("paymentId") String paymentId) {
        return PaymentView.from(checkouts.cancel(workspaceId, jwt.getSubject(), paymentId));
    }

    @POST
    @Path("payments/{paymentId}/refund")
    @Operation(summary = "Refund a payment in full",
            description = "Within moim.billing.refund-window of paying. Answers 202: the provider's webhook makes it REFUNDED, and a "
                    + "refund of the running period ends the plan then.")
    @APIResponse(responseCode = "202", description = "Asked of the provider", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "409", description = "Not PAID, or past the refund window", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(@PathParam("workspaceId") String workspaceId, @PathParam("paymentId") String paymentId) {
        return Response.accepted(PaymentView.from(refunds.request(workspaceId, jwt.getSubject(), paymentId))).build();
    }

    @GET
    @Path("invoices")
    @Transactional
    @Operation(summary = "Invoices, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = InvoiceListPage.class)))
    public InvoiceListPage invoices(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        return InvoiceListPage.of(invoices.list(workspaceId, jwt.getSubject(), limit, cursor).map(InvoiceView::from));
    }

    @GET
    @Path("invoices/{invoiceId}")
    @Transactional
    @Operation(summary = "One invoice")
    @APIResponse(responseCode = "200", description = "The invoice", content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    public InvoiceView invoice(@PathParam("workspaceId") String workspaceId, @PathParam("invoiceId") String invoiceId) {
        return InvoiceView.from(invoices.get(workspaceId, jwt.getSubject(), invoiceId));
    }

    @GET
    @Path("invoices/{invoiceId}/printable")
    @Transactional
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "One invoice as a printable HTML page", description = "English or Korean (lang=en|ko, else Accept-Language).")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public String printable(@PathParam("workspaceId") String workspaceId, @PathParam("invoiceId") String invoiceId,
                            @QueryParam("lang") @DefaultValue("") String lang, @Context HttpHeaders headers) {
        return InvoicePage.render(invoices.get(workspaceId, jwt.getSubject(), invoiceId), AppUrls.language(lang, headers));
    }

    @GET
    @Path("events")
    @Transactional
    @Operation(summary = "The billing audit trail, newest first")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = BillingEventView.PageView.class)))
    public BillingEventView.PageView events(@PathParam("workspaceId") String workspaceId,
            @QueryParam("limit") @DefaultValue("50") @Parameter(description = "1 to 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        policy.require(workspaceId, jwt.getSubject(), BillingAction.VIEW_BILLING);
        return BillingEventView.PageView.of(events.page(workspaceId, limit, cursor).map(BillingEventView::from));
    }
}
