package org.moim.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.util.TimeZone;

/**
 * Stored times are UTC and reach the database through the JVM's default time zone; anything but
 * UTC would shift them (and lose an hour at daylight-saving changes). Run the JVM with
 * {@code -Duser.timezone=UTC}, as ./moim and the Docker image do.
 */
@ApplicationScoped
public class UtcCheck {

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        TimeZone zone = TimeZone.getDefault();
        if (zone.getRawOffset() != 0 || zone.useDaylightTime() || !zone.toZoneId().normalized().equals(ZoneOffset.UTC)) {
            throw new IllegalStateException("The JVM runs in time zone " + zone.getID()
                    + "; Moim needs UTC: start Java with -Duser.timezone=UTC");
        }
    }
}
