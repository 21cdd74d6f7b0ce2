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

    /** Throws {@link RateLimited} if the key has used up its window. Counts nothing. */
    public void check(Limit limit, String key) {
        Window window = cache(limit).get(key);
        long now = clock.millis();
        if (window != null && window.resetAt() > now && window.count() >= limit.limit()) {
            throw new RateLimited(Duration.ofMillis(window.resetAt() - now));
        }
    }

    /** Counts one event for the key. */
    public void record(Limit limit, String key) {
        cache(limit).invoke(key, new Increment(clock.millis(), limit.window().toMillis()));
    }

    /** Counts one event and refuses it if the window was already full. */
    public void acquire(Limit limit, String key) {
        check(limit, key);
        record(limit, key);
    }

    private Cache<String, Window> cache(Limit limit) {
        return byLimit.computeIfAbsent(limit.name(),
                name -> caches.cache("moim-rate-" + name, String.class, Window.class, limit.window()));
    }

    /** Events counted in the window that ends at {@code resetAt} (epoch millis). */
    public record Window(int count, long resetAt) implements Serializable {
    }

    record Increment(long now, long windowMillis) implements EntryProcessor<String, Window, Void>, Serializable {
        @Override
        public Void process(MutableEntry<String, Window> entry, Object... arguments) {
            Window current = entry.getValue();
            if (current == null || current.resetAt() <= now) {
                entry.setValue(new Window(1, now + windowMillis));
            } else {
                entry.setValue(new Window(current.count() + 1, current.resetAt()));
            }
            return null;
        }
    }
}
