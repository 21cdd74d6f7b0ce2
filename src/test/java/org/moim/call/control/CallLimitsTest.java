package org.moim.call.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.moim.call.entity.CallChannel;

class CallLimitsTest {

    private static final CallChannel CHANNEL = new CallChannel("channel-1", "direct", "workspace-1");

    private static CallLimits limit(int max) {
        CallLimits limits = new CallLimits();
        limits.maxParticipants = max;
        return limits;
    }

    @Test
    void theFourthMayJoinTheFifthMayNot() {
        CallLimits limits = limit(4);
        limits.requireRoom(CHANNEL, 3);

        assertThatThrownBy(() -> limits.requireRoom(CHANNEL, 4))
                .isInstanceOf(CallFull.class)
                .hasMessageContaining("4 participants")
                .satisfies(e -> assertThat(((CallFull) e).type().uri()).isEqualTo("/problems/call-full"))
                .satisfies(e -> assertThat(((CallFull) e).type().status()).isEqualTo(409));
    }

    @Test
    void aCallIsForTwoAtLeastWhateverTheConfiguration() {
        assertThat(limit(0).maxParticipants(CHANNEL)).isEqualTo(2);
        limit(1).requireRoom(CHANNEL, 1);
    }
}
