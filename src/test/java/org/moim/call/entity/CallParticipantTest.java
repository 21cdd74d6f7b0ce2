package org.moim.call.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallParticipantTest {

    private static final Instant START = Instant.parse("2025-03-04T09:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Call call = new Call(new CallChannel("channel-1", "direct", "workspace-1"), "mina", START);

    private static Peer tab(String peerId) {
        return new Peer("mina", peerId, "connection-" + peerId, "node-1");
    }

    @Test
    void aNewcomerSendsSoundAndPictureAndNoScreen() {
        CallParticipant mina = new CallParticipant(call, tab("a"), START);

        assertThat(mina.media()).isEqualTo(new MediaState(true, true, false));
        assertThat(mina.isActive()).isTrue();
        assertThat(mina.isAway()).isFalse();
        assertThat(mina.speaksThrough("connection-a")).isTrue();
    }

    @Test
    void someoneAwayForLongerThanTheGraceLeftWhenTheyWentAway() {
        CallParticipant mina = new CallParticipant(call, tab("a"), START);
        Instant lost = START.plusSeconds(60);
        mina.away(lost);
        mina.away(lost.plusSeconds(5));

        assertThat(mina.awaySince()).as("the first moment counts").isEqualTo(lost);
        assertThat(mina.awayLongerThan(GRACE, lost.plusSeconds(29))).isFalse();
        assertThat(mina.awayLongerThan(GRACE, lost.plusSeconds(30))).isTrue();

        mina.leave(lost.plusSeconds(31));
        assertThat(mina.leftAt()).isEqualTo(lost);
        assertThat(mina.isActive()).isFalse();
    }

    @Test
    void comingBackWithinTheGraceContinuesTheStintThroughTheNewTab() {
        CallParticipant mina = new CallParticipant(call, tab("a"), START);
        mina.away(START.plusSeconds(10));
        mina.connect(tab("b"));

        assertThat(mina.isAway()).isFalse();
        assertThat(mina.peerId()).isEqualTo("b");
        assertThat(mina.speaksThrough("connection-a")).isFalse();
        assertThat(mina.speaksThrough("connection-b")).isTrue();
        assertThat(mina.joinedAt()).isEqualTo(START);
        mina.leave(START.plusSeconds(100));
        assertThat(mina.leftAt()).isEqualTo(START.plusSeconds(100));
    }

    @Test
    void aStintBelongsToOnePerson() {
        CallParticipant mina = new CallParticipant(call, tab("a"), START);

        assertThatThrownBy(() -> mina.connect(new Peer("joon", "c", "connection-c", "node-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallEndsOnceAndFreesItsChannel() {
        assertThat(call.isLive()).isTrue();
        call.end(START.plusSeconds(90));
        call.end(START.plusSeconds(200));

        assertThat(call.isLive()).isFalse();
        assertThat(call.endedAt()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void aCallNeverEndsBeforeItStarted() {
        call.end(START.minusSeconds(5));

        assertThat(call.endedAt()).isEqualTo(START);
    }
}
