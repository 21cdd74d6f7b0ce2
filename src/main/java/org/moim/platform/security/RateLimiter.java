package org.moim.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.cache.Cache;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;
import org.moim.platform.cluster.SharedCaches;
import org.moim.platform.problem.RateLimited;

/**
 * Fixed-window counters shared by all nodes. A window opens with the first counted event and
 * closes {@code window} later; while it holds {@code limit} events, {@link #check} refuses.
 * Counting runs as an entry processor, so concurrent nodes never lose an increment.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    SharedCaches caches;

    @Inject
    Clock clock;

    private final ConcurrentMap<String, Cache<String, Window>> byLimit = new ConcurrentHashMap<>();

    /** A named limit, e.g. "login-account": at most {@code limit} events per {@code window}. */
    public record Limit(String name, int limit, Duration window) {
    }

    /**
     * Counts one event for the key and refuses it (throws {@link RateLimited}) when the window
     * already held {@code limit} events. Counting and deciding are one atomic step in the data
     * grid, so parallel requests cannot all slip under the limit.
     */
    public void acquire(Limit limit, String key) {
        long now = clock.millis();
        Window window = cache(limit).invoke(key, new Increment(now, limit.window().toMillis()));
        if (window.count() > limit.limit()) {
            throw new RateLimited(Duration.ofMillis(Math.max(1_000, window.resetAt() - now)));
        }
    }

    /** Gives back an event {@link #acquire} counted: limits that count only failures release successes. */
    public void release(Limit limit, String key) {
        cache(limit).invoke(key, new Decrement(clock.millis()));
    }

    private Cache<String, Window> cache(Limit limit) {
        return byLimit.computeIfAbsent(limit.name(),
                name -> caches.cache("moim-rate-" + name, String.class, Window.class, limit.window()));
    }

    /** Events counted in the window that ends at {@code resetAt} (epoch millis). */
    public record Window(int count, long resetAt) implements Serializable {
    }

    record Increment(long now, long windowMillis) implements EntryProcessor<String, Window, Window>, Serializable {
        @Override
        public Window process(MutableEntry<String, Window> entry, Object... arguments) {
            Window current = entry.getValue();
            Window next = current == null || current.resetAt() <= now
                    ? new Window(1, now + windowMillis)
                    : new Window(current.count() + 1, current.resetAt());
            entry.setValue(next);
            return next;
        }
    }

    record Decrement(long now) implements EntryProcessor<String, Window, Window>, Serializable {
        @Override
        public Window process(MutableEntry<String, Window> entry, Object... arguments) {
            Window current = entry.getValue();
            if (current == null || current.resetAt() <= now || current.count() == 0) {
                return current;
            }
            Window next = new Window(current.count() - 1, current.resetAt());
            entry.setValue(next);
            return next;
        }
    }
}
