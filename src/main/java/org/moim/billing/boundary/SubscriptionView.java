package org.moim.billing.boundary;

import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.Payment;
import org.moim.billing.entity.Plan;
import org.moim.billing.entity.Subscription;

@Schema(name = "Subscription", description = "The workspace's subscription as its owners see it.")
public record SubscriptionView(
        @Schema(example = "PREMIUM") String plan,
        @Schema(description = "ACTIVE, or PAST_DUE after a failed renewal (the plan holds until graceUntil).") String status,
        @Schema(example = "MONTHLY") String period,
        Long amount,
        String currency,
        String display,
        Instant periodStart,
        Instant periodEnd,
        boolean cancelAtPeriodEnd,
        Instant graceUntil,
        @Schema(description = "Whether a card is saved for renewals.") boolean savedPaymentMethod,
        @Schema(description = "The open payment (a checkout or a renewal in progress), if any.") PaymentView openPayment) {

    static SubscriptionView from(Optional<Subscription> subscription, Instant now, Optional<Payment> open) {
        PaymentView openView = open.map(PaymentView::from).orElse(null);
        if (subscription.isEmpty() || Plan.FREE.equals(subscription.get().planAt(now))) {
            return new SubscriptionView(Plan.FREE, "ACTIVE", null, null, null, null, null, null, false, null,
                    subscription.map(s -> s.providerPaymentMethod() != null).orElse(false), openView);
        }
        Subscription s = subscription.get();
        Money price = s.price();
        return new SubscriptionView(s.planCode(), s.status().name(), s.period().name(), price.minor(), price.currency(), price.display(),
                s.periodStart(), s.periodEnd(), s.cancelAtPeriodEnd(), s.graceUntil(), s.providerPaymentMethod() != null, openView);
    }
}
