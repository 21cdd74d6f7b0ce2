package org.moim.billing.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.Payment;

@Schema(name = "Checkout", description = "The payment for an upgrade and the page to pay it on.")
public record CheckoutView(
        PaymentView payment,
        @Schema(description = "Send the payer here (the provider's page; the sandbox's is served by Moim).") String checkoutUrl) {

    static CheckoutView from(Payment payment) {
        return new CheckoutView(PaymentView.from(payment), payment.checkoutUrl());
    }
}
