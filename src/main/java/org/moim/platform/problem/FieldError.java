package org.moim.platform.problem;

/** One invalid field of a request: its JSON property path and what is wrong with it. */
public record FieldError(String field, String message) {
}
