package org.moim.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.notification.control.NotificationMails;
import org.moim.platform.schedule.OnOneNode;

/**
 * Every {@code moim.notifications.mail.interval} (1 min), on the one node holding the {@value #LEASE}
 * lease: queues the notification mail that is due ({@link NotificationMails}).
 */
@ApplicationScoped
public class NotificationMailSchedule {

    static final String LEASE = "notification-mail";

    @Inject
    NotificationMails mails;

    @Inject
    OnOneNode onOneNode;

    @Inject
    @ConfigProperty(name = "moim.notifications.mail.interval", defaultValue = "PT1M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "moim.notifications.mail.lease", defaultValue = "PT3M")
    Duration lease;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        onOneNode.every(LEASE, interval, lease, mails::queueDue);
    }
}
