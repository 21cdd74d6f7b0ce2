package org.moim.job.entity;

/**
 * A job ran out of attempts and is {@code DEAD}: a CDI event fired in the transaction that buries
 * it, so the feature that queued the job can settle what waited for it (a thumbnail that will
 * not come).
 */
public record JobDied(String jobId, String type, String ownerAccountId) {
}
