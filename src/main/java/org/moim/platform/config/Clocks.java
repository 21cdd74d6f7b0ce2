package org.moim.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock of the application: UTC. Tests of control classes pass a fixed clock instead. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        // Microseconds: what the database keeps, so a value reads back as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
