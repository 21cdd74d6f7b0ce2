package org.moim.calendar.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.calendar.control.EventReminders;
import org.moim.platform.schedule.OnOneNode;

/**
 * Every {@code moim.reminders.interval} (1 min), on the one node holding the {@value #LEASE}
 * lease: reminds attendees of events starting soon ({@link EventReminders}).
 */
@ApplicationScoped
public class EventReminderSchedule {

    static final String LEASE = "event-reminders";

    @Inject
    EventReminders reminders;

    @Inject
    OnOneNode onOneNode;

    @Inject
    @ConfigProperty(name = "moim.reminders.interval", defaultValue = "PT1M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "moim.reminders.lease", defaultValue = "PT3M")
    Duration lease;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        onOneNode.every(LEASE, interval, lease, reminders::remind);
    }
}
