package org.moim.billing.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.BillingEvent;
import org.moim.platform.persistence.Page;

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

    @JsonbNillable
    @Schema(name = "BillingEventPage", description = "One page of the billing audit trail, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(List<BillingEventView> items, String nextCursor) {
        static PageView of(Page<BillingEventView> page) {
            return new PageView(page.items(), page.nextCursor());
        }
    }
}
