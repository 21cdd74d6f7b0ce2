package org.moim.webhook.entity;

/** Where a webhook delivery is. */
public enum DeliveryStatus {
    /** A message for the next attempt is on the queue. */
    PENDING,
    /** An attempt is under way (until its lease, {@code nextAttemptAt}, ends). */
    SENDING,
    /** The last attempt failed; the next one is due at {@code nextAttemptAt}. */
    WAITING,
    /** The receiver answered 2xx. Final. */
    SUCCEEDED,
    /** No attempt is left, or the address may never be called. Final. */
    DEAD;

    public boolean isFinal() {
        return this == SUCCEEDED || this == DEAD;
    }
}
