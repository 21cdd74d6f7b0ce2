package org.moim.platform.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers of the real-time path (gap fills of chat subscriptions, the heartbeat), which may
 * fire thousands of times a second. A container-managed scheduler captures the caller's context
 * for every task it is given, and Payara's capture scans the application's class path for
 * context providers under the class loaders' locks: at a few hundred messages a second that
 * scan was where the gateway's threads queued. These threads take the application's context
 * once, when the managed thread factory makes them, and a task costs what a JDK timer costs.
 *
 * <p>Payara's WebSocket implementation (Tyrus 2.1) schedules a session's idle-timeout check on
 * every frame sent or received, on the container's managed scheduler, even when the session has
 * no idle timeout (then the check runs at once and does nothing). {@link #adopt} gives a session
 * a scheduler that runs such immediate checks in place and everything else on these threads.
 */
@ApplicationScoped
public class RealtimeTimers {

    private static final Logger LOG = Logger.getLogger(RealtimeTimers.class.getName());
    private static final int THREADS = 2;
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean warned = new AtomicBoolean();

    @PostConstruct
    void start() {
        executor = new ImmediateInPlace(THREADS, threads);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Gives a Tyrus session these timers for its idle timer (its private field {@code service}, set
     * from the container's managed scheduler). Another WebSocket implementation, or a Tyrus that
     * changed, keeps its own scheduler: slower under load, nothing else (logged once).
     */
    public void adopt(Session session) {
        for (Class<?> type = session.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TYRUS_SESSION)) {
                try {
                    Field service = type.getDeclaredField("service");
                    service.setAccessible(true);
                    service.set(session, executor);
                    return;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    warnOnce(e);
                    return;
                }
            }
        }
        warnOnce(null);
    }

    private void warnOnce(Exception failure) {
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "WebSocket sessions keep the container's scheduler for their idle timers"
                    + " (not a Tyrus session with a 'service' field); the gateway works, more slowly under load", failure);
        }
    }

    /** Tasks must not block for long: they share {@value #THREADS} threads. */
    public ScheduledExecutorService scheduler() {
        return executor;
    }

    /**
     * Runs a runnable scheduled with no delay in the caller's thread. Only for short, non-blocking
     * tasks (the idle check of a session without idle timeout, a gap fill due at once never
     * happens): everything else is an ordinary JDK scheduler.
     */
    static final class ImmediateInPlace extends ScheduledThreadPoolExecutor {

        ImmediateInPlace(int threads, ThreadFactory factory) {
            super(threads, factory);
            // Gap fills are cancelled far more often than they run: keep the queue small.
            setRemoveOnCancelPolicy(true);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (delay > 0 || isShutdown()) {
                return super.schedule(command, delay, unit);
            }
            command.run();
            return Ran.INSTANCE;
        }
    }

    /** The future of a task that already ran. */
    static final class Ran implements ScheduledFuture<Object> {

        static final Ran INSTANCE = new Ran();

        private Ran() {
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
