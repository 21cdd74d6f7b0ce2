package org.moim.platform.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.platform.persistence.LockConflicts;

/**
 * The one loop behind retries whose schedule lives in the database (webhook deliveries, mail
 * jobs): every interval, on every node, ask for the work whose wait is over to be queued again.
 * Two nodes that pick the same row collide on its {@code @Version}; the loser's transaction (with
 * its messages) rolls back, which is logged quietly. Anything else is logged and tried next time.
 */
@ApplicationScoped
public class RetryPolls {

    private static final Logger LOG = Logger.getLogger(RetryPolls.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final List<ScheduledFuture<?>> polls = new CopyOnWriteArrayList<>();

    /** Calls {@code requeueDue} every {@code interval} (at least 100 ms); it answers how many it queued. */
    public void every(Duration interval, String what, IntSupplier requeueDue) {
        long millis = Math.max(100, interval.toMillis());
        polls.add(scheduler.scheduleWithFixedDelay(() -> poll(what, requeueDue), millis, millis, TimeUnit.MILLISECONDS));
    }

    static void poll(String what, IntSupplier requeueDue) {
        try {
            int queued = requeueDue.getAsInt();
            if (queued > 0) {
                LOG.log(Level.FINE, "Queued {0} {1} attempts", new Object[] {queued, what});
            }
        } catch (RuntimeException e) {
            LOG.log(LockConflicts.versionConflict(e) ? Level.FINE : Level.WARNING, what + " retry poll failed; trying again next time", e);
        }
    }

    @PreDestroy
    void stop() {
        polls.forEach(poll -> poll.cancel(false));
    }
}
