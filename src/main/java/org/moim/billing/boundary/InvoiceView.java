package org.moim.billing.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.billing.entity.Invoice;

@Schema(name = "Invoice", description = "The invoice of one paid payment; printable at .../invoices/{id}/printable.")
public record InvoiceView(
        String id,
        @Schema(example = "M20260101-1A2B3C4D") String number,
        String paymentId,
        String workspaceName,
        @Schema(example = "PREMIUM") String plan,
        @Schema(example = "Premium") String planName,
        @Schema(example = "MONTHLY") String period,
        Instant periodStart,
        Instant periodEnd,
        @Schema(example = "49000") long amount,
        @Schema(example = "KRW") String currency,
        @Schema(example = "49,000 KRW") String display,
        @Schema(description = "PAID or REFUNDED.") String status,
        Instant issuedAt,
        Instant refundedAt) {

    static InvoiceView from(Invoice i) {
        return new InvoiceView(i.id(), i.number(), i.paymentId(), i.workspaceName(), i.planCode(), i.planName(), i.period().name(),
                i.periodStart(), i.periodEnd(), i.amount().minor(), i.amount().currency(), i.amount().display(), i.status().name(),
                i.issuedAt(), i.refundedAt());
    }
}
