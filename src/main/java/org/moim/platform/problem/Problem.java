package org.moim.platform.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The RFC 9457 body: {@code application/problem+json}. Null members are left out. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
