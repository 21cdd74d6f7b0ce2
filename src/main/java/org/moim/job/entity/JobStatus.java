package org.moim.job.entity;

/** Where a job is in its life. */
public enum JobStatus {
    /** Its message is on the queue, no attempt has started. */
    QUEUED,
    /** An attempt is under way (or the node doing it stopped; the broker redelivers then). */
    RUNNING,
    /** Done. Further deliveries of its message are ignored. */
    SUCCEEDED,
    /**
     * The last attempt failed; another follows: the broker redelivers after a short back-off, or,
     * for mail, the job waits until its {@code nextAttemptAt} (moim.mail.retry-delays).
     */
    FAILED,
    /** Every attempt failed and the message went to the dead-letter queue. Final. */
    DEAD;

    public boolean isFinal() {
        return this == SUCCEEDED || this == DEAD;
    }
}
