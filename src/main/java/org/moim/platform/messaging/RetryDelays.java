package org.moim.platform.messaging;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * How long a failed attempt waits before each further one, read from a configuration key of
 * comma-separated ISO-8601 durations ({@code moim.webhooks.retry-delays}, {@code moim.mail.retry-delays}).
 * n delays mean n + 1 attempts in all. The waits live in the database with the work (a
 * {@code next_attempt_at}), never in the broker, so they survive restarts and may last hours.
 */
public record RetryDelays(List<Duration> delays) {

    public RetryDelays {
        delays = List.copyOf(delays);
    }

    public static RetryDelays parse(String key, String text) {
        if (text == null || text.isBlank()) {
            return new RetryDelays(List.of());
        }
        try {
            List<Duration> delays = Arrays.stream(text.split(",")).map(String::strip).map(Duration::parse).toList();
            if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException(key + ": every delay must be positive: " + text);
            }
            return new RetryDelays(delays);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": not a list of ISO-8601 durations: " + text, e);
        }
    }

    /** All waits together: how long the last attempt comes after the first. */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after the {@code attempts}-th attempt failed; null when that was the last one. */
    public Duration after(int attempts) {
        return attempts >= 1 && attempts <= delays.size() ? delays.get(attempts - 1) : null;
    }
}
