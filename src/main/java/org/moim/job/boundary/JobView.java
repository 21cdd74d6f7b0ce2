package org.moim.job.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.job.entity.Job;

@Schema(name = "Job", description = "Background work the signed-in person asked for, and how it went.")
public record JobView(
        String id,
        @Schema(example = "test-mail") String type,
        @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "DEAD"},
                description = "FAILED: the last attempt failed and another follows; DEAD: every attempt failed.") String status,
        @Schema(description = "Attempts started so far.") int attempts,
        @Schema(description = "The last attempt's error, one short line; absent when none failed.") String lastError,
        @Schema(description = "When the next attempt is queued, while a FAILED mail waits for it (moim.mail.retry-delays); absent otherwise.")
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt) {

    static JobView from(Job job) {
        return new JobView(job.id(), job.type(), job.status().name(), job.attempts(), job.lastError(), job.nextAttemptAt(), job.createdAt(), job.updatedAt());
    }
}
