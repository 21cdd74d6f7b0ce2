package org.moim.platform.schedule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which node runs a schedule that must run once across the cluster: the holder keeps it by
 * renewing it before {@code expiresAt}; once it lapses (the node stopped) any node takes it.
 * {@code taken} counts the runs (every renewal is one).
 */
@Entity
@Table(name = "schedule_lease")
public class ScheduleLease {

    @Id
    @Column(length = 64)
    private String name;

    @Column(nullable = false, length = 100)
    private String holder;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private long taken;

    protected ScheduleLease() {
    }

    public ScheduleLease(String name, String holder, Instant expiresAt) {
        this.name = name;
        this.holder = holder;
        this.expiresAt = expiresAt;
        this.taken = 1;
    }

    public String name() {
        return name;
    }

    public String holder() {
        return holder;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public long taken() {
        return taken;
    }
}
