package org.moim.platform.problem;

/**
 * A kind of problem: its stable {@code type} URI (a relative reference, {@code /problems/<slug>},
 * documented in {@code docs/problems.md}), HTTP status and human title.
 */
public record ProblemType(String slug, int status, String title) {

    public static final ProblemType VALIDATION = new ProblemType("validation", 400, "Invalid request");
    public static final ProblemType MALFORMED = new ProblemType("malformed-request", 400, "Malformed request body");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "Not acceptable");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", 429, "Too many requests");
    public static final ProblemType INTERNAL = new ProblemType("internal", 500, "Internal error");
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", 503, "Service unavailable");

    public static final String PREFIX = "/problems/";

    public String uri() {
        return PREFIX + slug;
    }

    /** The generic type for an HTTP status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : new ProblemType("http-" + status, status, "Request failed");
        };
    }
}
