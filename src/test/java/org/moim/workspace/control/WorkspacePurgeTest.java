package org.moim.workspace.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspacePurgeTest {

    @Test
    void purgesWhatWasDeletedThirtyDaysBeforeNowOrEarlier() {
        List<Instant> cutoffs = new ArrayList<>();
        WorkspacePurge purge = new WorkspacePurge() {
            @Override
            int deleteDeletedBefore(Instant cutoff) {
                cutoffs.add(cutoff);
                return 2;
            }
        };
        Instant now = Instant.parse("2026-11-26T03:17:00Z");

        assertThat(purge.purgeExpired(now)).isEqualTo(2);
        assertThat(cutoffs).containsExactly(now.minus(Duration.ofDays(30)));
    }
}
