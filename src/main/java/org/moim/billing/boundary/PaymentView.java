package org.moim.billing.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.Payment;

@Schema(name = "Payment", description = "A payment of a workspace and where it stands (CREATED, PENDING, PAID, REFUNDED, FAILED, CANCELLED).")
public record PaymentView(
        String id,
        @Schema(description = "UPGRADE (a checkout) or RENEWAL (the saved card, charged by the renewal job).") String purpose,
        @Schema(example = "PREMIUM") String plan,
        @Schema(example = "MONTHLY") String period,
        @Schema(description = "Minor units of the currency.", example = "49000") long amount,
        @Schema(example = "KRW") String currency,
        @Schema(example = "49,000 KRW") String display,
        @Schema(example = "PENDING") String status,
        @Schema(example = "sandbox") String provider,
        @Schema(description = "Where the payer pays, while the payment is open.") String checkoutUrl,
        String failureReason,
        Instant createdAt,
        Instant paidAt,
        Instant refundedAt) {

    static PaymentView from(Payment p) {
        return new PaymentView(p.id(), p.purpose().name(), p.planCode(), p.period().name(), p.amount().minor(), p.amount().currency(),
                p.amount().display(), p.status().name(), p.provider(), p.isOpen() ? p.checkoutUrl() : null, p.failureReason(),
                p.createdAt(), p.paidAt(), p.refundedAt());
    }
}
