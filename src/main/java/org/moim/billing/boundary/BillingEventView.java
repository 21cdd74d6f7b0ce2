package org.moim.billing.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.BillingEvent;

@Schema(name = "BillingEvent", description = "One line of the billing audit trail.")
public record BillingEventView(
        @Schema(example = "payment.paid") String kind,
        @Schema(description = "Who did it; absent for the provider and the renewal job.") String actorId,
        String paymentId,
        String detail,
        Instant createdAt) {

    static BillingEventView from(BillingEvent e) {
        return new BillingEventView(e.kind(), e.actorId(), e.paymentId(), e.detail(), e.createdAt());
    }
}
