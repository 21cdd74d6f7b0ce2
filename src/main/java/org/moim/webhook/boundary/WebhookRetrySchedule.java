package org.moim.webhook.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.messaging.RetryPolls;
import org.moim.webhook.control.WebhookDeliveries;

/**
 * Every {@code moim.webhooks.retry-poll-interval} (5 s) on every node: queues the next attempt of
 * deliveries whose wait is over (and counts attempts lost with a stopped node as failed). The
 * database holds the schedule, so retries survive restarts and need nothing from the broker.
 */
@ApplicationScoped
public class WebhookRetrySchedule {

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    RetryPolls polls;

    @Inject
    @ConfigProperty(name = "moim.webhooks.retry-poll-interval", defaultValue = "PT5S")
    Duration interval;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        polls.every(interval, "webhook", deliveries::requeueDue);
    }
}
