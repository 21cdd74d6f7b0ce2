package org.moim.job.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
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
}
