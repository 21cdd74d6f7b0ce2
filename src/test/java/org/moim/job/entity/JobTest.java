package org.moim.job.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {

    private final Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    private final Job job = new Job("test-mail", UUID.randomUUID().toString(), t0);

    @Test
    void aNewJobIsQueuedWithItsOwnIdempotencyKey() {
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.idempotencyKey()).hasSize(36).isNotEqualTo(job.id());
        assertThat(job.lastError()).isNull();
    }

    @Test
    void eachAttemptCountsAndAFailureKeepsOneShortLine() {
        assertThat(job.start(t0.plusSeconds(1))).isTrue();
        job.fail("Couldn't connect\n\tat host " + "x".repeat(1000), t0.plusSeconds(2));
        assertThat(job.start(t0.plusSeconds(3))).isTrue();

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.lastError()).startsWith("Couldn't connect at host xxx").doesNotContain("\n", "\t").hasSize(Job.MAX_ERROR_LENGTH);
        assertThat(job.updatedAt()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    void aFinishedJobIgnoresRedeliveries() {
        job.start(t0);
        job.succeed(t0.plusSeconds(1));

        assertThat(job.start(t0.plusSeconds(2))).isFalse();
        job.fail("late failure", t0.plusSeconds(3));
        job.bury("dead letter", t0.plusSeconds(4));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.lastError()).isNull();
    }

    @Test
    void aDeadJobKeepsTheLastAttemptsError() {
        job.start(t0);
        job.fail("SMTP down", t0);
        job.bury("no attempt left", t0.plusSeconds(1));

        assertThat(job.status()).isEqualTo(JobStatus.DEAD);
        assertThat(job.lastError()).isEqualTo("SMTP down");
        assertThat(job.start(t0.plusSeconds(2))).isFalse();
    }

    @Test
    void aJobDeadBeforeAnyAttemptSaysWhy() {
        job.bury("no attempt left", t0);

        assertThat(job.status()).isEqualTo(JobStatus.DEAD);
        assertThat(job.lastError()).isEqualTo("no attempt left");
    }

    @Test
    void aJobThatWaitsIsQueuedAgainOnlyOnceItsWaitIsOver() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Job job = new Job("test-mail", UUID.randomUUID().toString(), t0);
        job.queuedAs("moim.alerts", "{}");
        job.start(t0);
        job.failUntil("down", t0.plusSeconds(30), t0);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.nextAttemptAt()).isEqualTo(t0.plusSeconds(30));
        java.time.Duration watch = java.time.Duration.ofMinutes(2);
        assertThat(job.requeue(t0.plusSeconds(29), watch)).as("too early").isFalse();
        assertThat(job.requeue(t0.plusSeconds(30), watch)).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.nextAttemptAt()).as("watched").isEqualTo(t0.plusSeconds(150));
        assertThat(job.requeue(t0.plusSeconds(31), watch)).as("queued already: once").isFalse();

        job.start(t0.plusSeconds(31));
        assertThat(job.requeue(t0.plusSeconds(151), watch)).as("still RUNNING after the watch: lost, sent again").isTrue();
        job.start(t0.plusSeconds(152));
        assertThat(job.succeed(t0.plusSeconds(153))).isTrue();
        assertThat(job.nextAttemptAt()).isNull();
        assertThat(job.attempts()).isEqualTo(3);
    }

    @Test
    void aFinishedJobNeverWaitsAgain() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Job job = new Job("test-mail", UUID.randomUUID().toString(), t0);
        job.queuedAs("moim.alerts", "{}");
        job.start(t0);
        job.bury("gone", t0);

        job.failUntil("late", t0.plusSeconds(5), t0);

        assertThat(job.status()).isEqualTo(JobStatus.DEAD);
        assertThat(job.nextAttemptAt()).isNull();
        assertThat(job.requeue(t0.plusSeconds(10), java.time.Duration.ofMinutes(2))).isFalse();
    }
}
