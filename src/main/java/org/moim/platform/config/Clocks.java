package org.moim.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The one clock of the application: UTC. Tests of control classes pass a fixed clock instead. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock utc() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * Instants to the microsecond: what the database keeps, so a value reads back exactly as it
     * was written. ({@code Clock.tick} with a sub-millisecond tick divides by zero in JDK 17.)
     */
    static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }
}
