package org.moim.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.moim.billing.control.PaymentProviders;
import org.moim.billing.control.SandboxCheckouts;
import org.moim.billing.control.SandboxProvider;
import org.moim.billing.entity.SandboxCheckout;
import org.moim.platform.problem.NotFound;

/**
 * The sandbox provider's hosted checkout page, as a real provider would serve it: reached by its
 * unguessable address (no sign-in), plain HTML forms in English or Korean, test cards only. Paying
 * redirects (303) to the app; the app learns the outcome from the sandbox's webhook, not from
 * this redirect. Exists only while the sandbox is the active provider (404 otherwise). Left out of
 * the OpenAPI document: a payer's browser posts these forms, never an API client (form parameters
 * also come out there as an untyped body).
 */
@Path("billing/sandbox/checkouts/{checkoutId}")
@RequestScoped
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
@Tag(name = "Billing sandbox", description = "The built-in test provider's checkout pages (HTML). See docs/billing.md.")
public class SandboxCheckoutResource {

    @Inject
    SandboxCheckouts checkouts;

    @Inject
    PaymentProviders providers;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Transactional
    @Operation(hidden = true, summary = "The checkout page")
    public Response page(@PathParam("checkoutId") String checkoutId, @QueryParam("lang") @DefaultValue("") String lang) {
        SandboxCheckout checkout = checkout(checkoutId);
        String language = language(lang, checkout);
        if (checkout.status() == SandboxCheckout.Status.REQUIRES_ACTION) {
            return html(200, SandboxPages.requiresAction(checkout, action(checkoutId), language));
        }
        if (checkout.status().isFinal()) {
            return html(200, SandboxPages.closed(checkout, language));
        }
        return html(200, SandboxPages.form(checkout, action(checkoutId), language, null));
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "Pay with a test card", description = "303 to the app when paid; a page when declined, when a second "
            + "step is needed, or when the number is not a test card (422).")
    public Response pay(@PathParam("checkoutId") String checkoutId, @FormParam("card") String card,
                        @FormParam("lang") @DefaultValue("") String lang) {
        SandboxCheckout checkout = checkout(checkoutId);
        String language = language(lang, checkout);
        return switch (checkouts.pay(checkoutId, card)) {
            case SUCCEEDED -> Response.seeOther(URI.create(checkout.successUrl())).build();
            case DECLINED -> html(402, SandboxPages.declined(checkout, language));
            case REQUIRES_ACTION -> html(200, SandboxPages.requiresAction(checkout, action(checkoutId), language));
            case INVALID_CARD -> html(422, SandboxPages.invalidCard(checkout, action(checkoutId), language));
            case CLOSED -> html(409, SandboxPages.closed(checkout, language));
        };
    }

    @POST
    @Path("authenticate")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "The second step: complete or fail the authentication")
    public Response authenticate(@PathParam("checkoutId") String checkoutId, @FormParam("outcome") String outcome,
                                 @FormParam("lang") @DefaultValue("") String lang) {
        SandboxCheckout checkout = checkout(checkoutId);
        String language = language(lang, checkout);
        return switch (checkouts.authenticate(checkoutId, "complete".equals(outcome))) {
            case SUCCEEDED -> Response.seeOther(URI.create(checkout.successUrl())).build();
            case DECLINED -> html(402, SandboxPages.declined(checkout, language));
            default -> html(409, SandboxPages.closed(checkout, language));
        };
    }

    @POST
    @Path("cancel")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true, summary = "Give up: the checkout expires and the payer goes back to the app")
    public Response cancel(@PathParam("checkoutId") String checkoutId) {
        SandboxCheckout checkout = checkout(checkoutId);
        checkouts.abandon(checkoutId);
        return Response.seeOther(URI.create(checkout.cancelUrl())).build();
    }

    private SandboxCheckout checkout(String checkoutId) {
        if (!providers.sandboxActive()) {
            throw new NotFound("The sandbox checkout");
        }
        return checkouts.find(checkoutId);
    }

    private String action(String checkoutId) {
        return uri.getBaseUri().toString() + SandboxProvider.CHECKOUT_PATH.substring("api/v1/".length()) + checkoutId;
    }

    private String language(String requested, SandboxCheckout checkout) {
        if ("ko".equals(requested) || "en".equals(requested)) {
            return requested;
        }
        return checkout.locale() != null ? checkout.locale() : AppUrls.language(null, headers);
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(page).build();
    }
}
