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
        acquire(limit, key, Delays.NONE);
    }

    /**
     * Like {@link #acquire(Limit, String)}, and besides: once the window holds
     * {@link Delays#after()} events, each further one must wait a delay that doubles with every
     * event (up to {@link Delays#max()}); an event that comes too early is refused and not counted.
     */
    public void acquire(Limit limit, String key, Delays delays) {
        long now = clock.millis();
        Counted counted = cache(limit).invoke(key, new Increment(now, limit.window().toMillis(), delays));
        if (counted.tooEarly()) {
            throw new RateLimited(Duration.ofMillis(Math.max(1_000, counted.window().notBefore() - now)));
        }
        if (counted.window().count() > limit.limit()) {
            throw new RateLimited(Duration.ofMillis(Math.max(1_000, counted.window().resetAt() - now)));
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

    /**
     * Progressive delays: from the {@code after}-th event of a window on, the next event may come
     * {@code base} later, then twice that, four times, ... at most {@code max}.
     */
    public record Delays(int after, Duration base, Duration max) implements Serializable {
        public static final Delays NONE = new Delays(Integer.MAX_VALUE, Duration.ZERO, Duration.ZERO);

        /** The wait imposed after the {@code count}-th event of a window. */
        public long millisAfter(int count) {
            if (count < after || base.isZero()) {
                return 0;
            }
            int doublings = Math.min(30, count - after);
            return Math.min(max.toMillis(), base.toMillis() << doublings);
        }
    }

    /** Events counted in the window that ends at {@code resetAt}; the next not before {@code notBefore} (epoch millis). */
    public record Window(int count, long resetAt, long notBefore) implements Serializable {
    }

    /** The window after an attempt, and whether the attempt came before its delay was over (then it was not counted). */
    public record Counted(Window window, boolean tooEarly) implements Serializable {
    }

    record Increment(long now, long windowMillis, Delays delays) implements EntryProcessor<String, Window, Counted>, Serializable {
        @Override
        public Counted process(MutableEntry<String, Window> entry, Object... arguments) {
            Window current = entry.getValue();
            boolean open = current != null && current.resetAt() > now;
            if (open && current.notBefore() > now) {
                return new Counted(current, true);
            }
            int count = open ? current.count() + 1 : 1;
            long resetAt = open ? current.resetAt() : now + windowMillis;
            long wait = delays.millisAfter(count);
            Window next = new Window(count, resetAt, wait == 0 ? 0 : now + wait);
            entry.setValue(next);
            return new Counted(next, false);
        }
    }

    record Decrement(long now) implements EntryProcessor<String, Window, Window>, Serializable {
        @Override
        public Window process(MutableEntry<String, Window> entry, Object... arguments) {
            Window current = entry.getValue();
            if (current == null || current.resetAt() <= now || current.count() == 0) {
                return current;
            }
            Window next = new Window(current.count() - 1, current.resetAt(), current.notBefore());
            entry.setValue(next);
            return next;
        }
    }
}
