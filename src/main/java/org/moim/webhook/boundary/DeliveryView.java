package org.moim.webhook.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.webhook.entity.WebhookDelivery;

@Schema(name = "WebhookDelivery", description = "One event on its way to one webhook, and how its attempts went.")
public record DeliveryView(
        String id,
        String webhookId,
        @Schema(description = "The event's id (the same in every webhook's delivery of it; the JSON body's id).") String eventId,
        @Schema(example = "member.joined") String eventType,
        @Schema(enumeration = {"PENDING", "SENDING", "WAITING", "SUCCEEDED", "DEAD"},
                description = "PENDING: queued; SENDING: an attempt runs; WAITING: the last attempt failed, another follows at "
                        + "nextAttemptAt; SUCCEEDED: answered 2xx; DEAD: no attempt left.") String status,
        @Schema(description = "Attempts made so far (in this round: a retry by hand starts again at 0).") int attempts,
        @Schema(description = "The last answer's HTTP status; absent when no answer came.") Integer httpStatus,
        @Schema(description = "The last failure, one line.") String lastError,
        @Schema(description = "How long the last attempt took, in milliseconds.") Long durationMillis,
        @Schema(description = "WAITING: when the next attempt is due.") Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The exact body POSTed (signed afresh for each attempt).") String body) {

    static DeliveryView from(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.webhookId(), d.eventId(), d.eventType(), d.status().name(), d.attempts(), d.httpStatus(),
                d.lastError(), d.durationMillis(), d.status().name().equals("WAITING") ? d.nextAttemptAt() : null, d.lastAttemptAt(),
                d.createdAt(), d.updatedAt(), d.body());
    }
}
