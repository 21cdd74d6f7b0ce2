package org.moim.board.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.board.control.DueSoonReminders;
import org.moim.platform.schedule.OnOneNode;

/**
 * Every {@code moim.reminders.interval} (1 min), on the one node holding the {@value #LEASE}
 * lease: tells assignees of cards due soon ({@link DueSoonReminders}).
 */
@ApplicationScoped
public class DueSoonSchedule {

    static final String LEASE = "card-due-soon";

    @Inject
    DueSoonReminders reminders;

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
