package org.moim.notification.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.notification.control.Inbox;

/**
 * Once a day (03:41 UTC, in a container transaction): forgets notifications older than
 * {@code moim.notifications.retention} (default 90 days). Every node runs it; deleting what is
 * already gone deletes nothing.
 */
@Singleton
public class NotificationPurgeSchedule {

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.notifications.retention", defaultValue = "P90D")
    Duration retention;

    @Schedule(hour = "3", minute = "41", timezone = "UTC", persistent = false)
    void purgeDaily() {
        inbox.purgeOlderThan(clock.instant().minus(retention));
    }
}
