package org.moim.job.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.job.control.JobRetries;
import org.moim.platform.messaging.RetryPolls;

/**
 * Every {@code moim.jobs.retry-poll-interval} (5 s) on every node: queues the next attempt of jobs
 * whose wait is over (mail, {@code moim.mail.retry-delays}). The same loop as the webhooks'.
 */
@ApplicationScoped
public class JobRetrySchedule {

    @Inject
    JobRetries retries;

    @Inject
    RetryPolls polls;

    @Inject
    @ConfigProperty(name = "moim.jobs.retry-poll-interval", defaultValue = "PT5S")
    Duration interval;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        polls.every(interval, "job", retries::requeueDue);
    }
}
