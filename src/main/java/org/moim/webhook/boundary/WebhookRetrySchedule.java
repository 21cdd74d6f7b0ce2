package org.moim.webhook.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.webhook.control.WebhookDeliveries;

/**
 * Every {@code moim.webhooks.retry-poll-interval} (5 s) on every node: queues the next attempt of
 * deliveries whose wait is over (and counts attempts lost with a stopped node as failed). The
 * database holds the schedule, so retries survive restarts and need nothing from the broker.
 */
@ApplicationScoped
public class WebhookRetrySchedule {

    private static final Logger LOG = Logger.getLogger(WebhookRetrySchedule.class.getName());

    @Inject
    WebhookDeliveries deliveries;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "moim.webhooks.retry-poll-interval", defaultValue = "PT5S")
    Duration interval;

    private ScheduledFuture<?> polling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long millis = Math.max(100, interval.toMillis());
        polling = scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    void poll() {
        try {
            int queued = deliveries.requeueDue();
            if (queued > 0) {
                LOG.log(Level.FINE, "Queued {0} webhook attempts", queued);
            }
        } catch (RuntimeException e) {
            // Another node took the same deliveries (a version conflict: quiet), or something is wrong: next time.
            LOG.log(conflict(e) ? Level.FINE : Level.WARNING, "Webhook retry poll failed; trying again next time", e);
        }
    }

    private static boolean conflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // JPA's, or EclipseLink's own when the conflict surfaces at commit.
            if (cause instanceof OptimisticLockException || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
