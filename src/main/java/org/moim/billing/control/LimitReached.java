package org.moim.billing.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code limit} member of a {@code /problems/plan-limit} body. */
@Schema(name = "LimitReached", description = "Which plan limit refused the request, and what lifts it.")
public record LimitReached(
        @Schema(example = "MEMBERS") String limit,
        @Schema(description = "The current use (for per-item limits: the size or count asked for).", example = "10") long used,
        @Schema(description = "The maximum of the current plan.", example = "10") Long max,
        @Schema(description = "The workspace's plan.", example = "FREE") String plan,
        @Schema(description = "The cheapest plan whose limit allows it; absent when none does.", example = "PREMIUM") String liftedBy) {
}
