package org.moim.platform.problem;

import java.time.Duration;

/** Too many attempts; the client may try again after {@link #retryAfter()}. */
public class RateLimited extends ProblemException {

    private final Duration retryAfter;

    public RateLimited(Duration retryAfter) {
        super(ProblemType.RATE_LIMITED, "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
