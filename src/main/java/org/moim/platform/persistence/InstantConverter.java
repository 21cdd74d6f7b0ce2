package org.moim.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant}s as UTC {@code DATETIME(6)} values (JPA 3.1 has no mapping of its own
 * for Instant). Microseconds survive. EclipseLink binds the LocalDateTime through a Timestamp in
 * the JVM's default time zone, so the JVM runs in UTC (the launcher, the Docker image and the
 * tests pass -Duser.timezone=UTC; {@link UtcCheck} refuses to start otherwise).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public LocalDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
