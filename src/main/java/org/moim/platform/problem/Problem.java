package org.moim.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 body: {@code application/problem+json}. Null members are left out. */
@Schema(name = "Problem", description = "RFC 9457 problem details; 'type' is stable and listed in docs/problems.md.")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
