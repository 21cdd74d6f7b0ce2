package org.moim.identity.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.control.SessionPurge;

/**
 * Once a day (03:29 UTC, in a container transaction): deletes sessions that ended more than
 * {@code moim.auth.ended-session-retention} (30 days) ago. Every node runs it; that is harmless.
 */
@Singleton
public class SessionPurgeSchedule {

    @Inject
    SessionPurge purge;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.auth.ended-session-retention", defaultValue = "P30D")
    Duration retention;

    @Schedule(hour = "3", minute = "29", timezone = "UTC", persistent = false)
    void purgeDaily() {
        purge.endedBefore(clock.instant().minus(retention));
    }
}
