package org.moim.call.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.moim.call.control.Calls;
import org.moim.call.control.ClusterNodes;
import org.moim.platform.persistence.SchemaMigrations;

/**
 * Every 15 seconds, and shortly after the grace period of each disconnect (in a container
 * transaction): settles who left and which calls ended ({@link Calls#sweep}). Every node runs it;
 * the call row locks make concurrent sweeps harmless, and a crashed node's participants are
 * found by their node.
 */
@Singleton
public class CallSweepSchedule {

    @Inject
    Calls calls;

    @Inject
    ClusterNodes nodes;

    @Inject
    SchemaMigrations schema;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void sweep() {
        // The timer starts with the deployment, before the schema is migrated at start-up.
        if (schema.applied()) {
            calls.sweep(nodes.live());
        }
    }
}
