package org.moim.webhook.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * How long a failed delivery waits before each further attempt: {@code moim.webhooks.retry-delays},
 * comma-separated ISO-8601 durations. n delays mean n + 1 attempts in all.
 */
public record RetryDelays(List<Duration> delays) {

    public RetryDelays {
        delays = List.copyOf(delays);
    }

    public static RetryDelays parse(String text) {
        if (text == null || text.isBlank()) {
            return new RetryDelays(List.of());
        }
        try {
            List<Duration> delays = Arrays.stream(text.split(",")).map(String::strip).map(Duration::parse).toList();
            if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("moim.webhooks.retry-delays: every delay must be positive: " + text);
            }
            return new RetryDelays(delays);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("moim.webhooks.retry-delays: not a list of ISO-8601 durations: " + text, e);
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after the {@code attempts}-th attempt failed; null when that was the last one. */
    public Duration after(int attempts) {
        return attempts >= 1 && attempts <= delays.size() ? delays.get(attempts - 1) : null;
    }
}
