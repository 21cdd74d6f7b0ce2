package org.moim.job.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.moim.job.entity.Job;

class JobAttemptsTest {

    @Test
    void aMessageWhoseJobIsNotVisibleYetIsRedeliveredNotDropped() {
        JobAttempts attempts = new JobAttempts();
        attempts.clock = Clock.systemUTC();
        attempts.jobs = new Jobs() {
            @Override
            public Optional<Job> byIdempotencyKey(String key) {
                return Optional.empty();  // the broker's XA branch committed before the database's
            }
        };

        assertThatThrownBy(() -> attempts.begin("key-1")).isInstanceOf(JobAttempts.JobNotVisible.class)
                .hasMessageContaining("key-1");
    }

    @Test
    void aJobThatBecomesVisibleMomentsLaterStartsWithoutARedelivery() {
        JobAttempts attempts = new JobAttempts();
        attempts.self = attempts;
        attempts.clock = Clock.systemUTC();
        AtomicInteger looks = new AtomicInteger();
        Job job = new Job("test-mail", "someone", Instant.now());
        attempts.jobs = new Jobs() {
            @Override
            public Optional<Job> byIdempotencyKey(String key) {
                return looks.incrementAndGet() < 3 ? Optional.empty() : Optional.of(job);
            }
        };

        assertThat(attempts.beginWhenVisible("key-2")).isTrue();
        assertThat(looks).hasValue(3);
        assertThat(job.attempts()).isEqualTo(1);
    }
}
