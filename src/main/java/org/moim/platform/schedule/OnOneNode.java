package org.moim.platform.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.platform.persistence.LockConflicts;

/**
 * Schedules that run on one node of the cluster at a time: every node ticks every interval, and
 * only the holder of the schedule's {@link ScheduleLeases lease} runs the work. The lease lasts a
 * few intervals and is renewed on each tick, so the same node keeps running it; when it stops,
 * another takes over once the lease lapsed. The work itself must still be idempotent (a run that
 * outlasts its lease may overlap the next holder's): reminders and mail record what they did.
 */
@ApplicationScoped
public class OnOneNode {

    private static final Logger LOG = Logger.getLogger(OnOneNode.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ScheduleLeases leases;

    private final List<ScheduledFuture<?>> runs = new CopyOnWriteArrayList<>();

    /** Runs {@code work} every {@code interval} on the node that holds lease {@code name} for {@code lease}. */
    public void every(String name, Duration interval, Duration lease, Runnable work) {
        long millis = Math.max(100, interval.toMillis());
        Duration held = lease.compareTo(interval) > 0 ? lease : interval.multipliedBy(3);
        runs.add(scheduler.scheduleWithFixedDelay(() -> tick(name, held, work), millis, millis, TimeUnit.MILLISECONDS));
    }

    private void tick(String name, Duration lease, Runnable work) {
        try {
            if (leases.take(name, lease)) {
                work.run();
            }
        } catch (RuntimeException e) {
            LOG.log(LockConflicts.versionConflict(e) ? Level.FINE : Level.WARNING, name + " failed; trying again next time", e);
        }
    }

    @PreDestroy
    void stop() {
        runs.forEach(run -> run.cancel(false));
        if (!runs.isEmpty()) {
            try {
                leases.releaseAll();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not release the schedule leases while stopping; they lapse on their own", e);
            }
        }
    }
}
