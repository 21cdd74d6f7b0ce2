package org.moim.job.entity;

/**
 * A job reached a final status ({@code SUCCEEDED} or {@code DEAD}) just now. Fired once per job,
 * inside the transaction that records the status, so observers that write (a notification, a
 * follow-up job) commit or roll back with it.
 */
public record JobFinished(String jobId, String type, String ownerAccountId, JobStatus status, int attempts, String lastError) {

    public static JobFinished of(Job job) {
        return new JobFinished(job.id(), job.type(), job.ownerAccountId(), job.status(), job.attempts(), job.lastError());
    }

    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED;
    }
}
