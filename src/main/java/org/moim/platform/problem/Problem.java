package org.moim.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The RFC 9457 body: {@code application/problem+json}. Null members are left out. Extension
 * members: {@code current}, the current representation of what a stale update tried to change;
 * {@code limit}, with {@code /problems/plan-limit}, which limit, its use and what lifts it.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details; 'type' is stable and listed in docs/problems.md.")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors", "current", "limit"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      @Schema(description = "With stale-version: the thing as it is now (the JSON a GET would answer).",
                              implementation = Object.class) Object current,
                      @Schema(description = "With plan-limit: the limit, the current use, the maximum, the plan and the plan that lifts it.",
                              implementation = Object.class) Object limit) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
