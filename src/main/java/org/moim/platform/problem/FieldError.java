package org.moim.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: its JSON property path and what is wrong with it. */
@Schema(name = "FieldError")
public record FieldError(String field, String message) {
}
