package org.moim.workspace.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import org.moim.workspace.control.WorkspacePurge;

/** Once a day (03:17 UTC, in a container transaction): purges workspaces past their restore window. */
@Singleton
public class WorkspacePurgeSchedule {

    @Inject
    WorkspacePurge purge;

    @Inject
    Clock clock;

    @Schedule(hour = "3", minute = "17", timezone = "UTC", persistent = false)
    void purgeDaily() {
        purge.purgeExpired(clock.instant());
    }
}
