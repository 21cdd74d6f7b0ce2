package org.moim.billing.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands. The only moves: CREATED → PENDING (the provider has a checkout or a
 * charge for it) → PAID (the provider took exactly the amount ordered) → REFUNDED; CREATED or
 * PENDING → FAILED (declined, or the provider reported another amount) or CANCELLED (abandoned or
 * expired). PAID, REFUNDED, FAILED and CANCELLED never go back.
 */
public enum PaymentStatus {
    CREATED, PENDING, PAID, REFUNDED, FAILED, CANCELLED;

    /** Whether a payment in this status may move to {@code next}. */
    public boolean canBecome(PaymentStatus next) {
        return successors().contains(next);
    }

    public Set<PaymentStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(PENDING, FAILED, CANCELLED);
            case PENDING -> EnumSet.of(PAID, FAILED, CANCELLED);
            case PAID -> EnumSet.of(REFUNDED);
            case REFUNDED, FAILED, CANCELLED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    /** Still waiting for the provider's answer. */
    public boolean isOpen() {
        return this == CREATED || this == PENDING;
    }
}
