package org.moim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.cache.processor.MutableEntry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.moim.platform.security.RateLimiter.Counted;
import org.moim.platform.security.RateLimiter.Delays;
import org.moim.platform.security.RateLimiter.Increment;
import org.moim.platform.security.RateLimiter.Window;

class RateLimiterTest {

    /** The one entry an increment runs on, as the data grid would hand it over. */
    static final class Entry implements MutableEntry<String, Window> {
        Window value;

        @Override
        public boolean exists() {
            return value != null;
        }

        @Override
        public void remove() {
            value = null;
        }

        @Override
        public void setValue(Window value) {
            this.value = value;
        }

        @Override
        public String getKey() {
            return "key";
        }

        @Override
        public Window getValue() {
            return value;
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }

    private static Window increment(Entry entry, long now, long window) {
        return new Increment(now, window, Delays.NONE).process(entry).window();
    }

    private static Counted delayed(Entry entry, long now) {
        return new Increment(now, 3_600_000, new Delays(3, Duration.ofSeconds(1), Duration.ofSeconds(5))).process(entry);
    }

    @Test
    void delaysStartAtTheConfiguredEventAndDoubleUpToTheMaximum() {
        Delays delays = new Delays(3, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(delays.millisAfter(2)).isZero();
        assertThat(delays.millisAfter(3)).isEqualTo(1_000);
        assertThat(delays.millisAfter(4)).isEqualTo(2_000);
        assertThat(delays.millisAfter(5)).isEqualTo(4_000);
        assertThat(delays.millisAfter(6)).isEqualTo(5_000);
        assertThat(delays.millisAfter(500)).isEqualTo(5_000);
        assertThat(Delays.NONE.millisAfter(Integer.MAX_VALUE - 1)).isZero();
    }

    @Test
    void anEventBeforeItsDelayIsRefusedAndNotCounted() {
        Entry entry = new Entry();
        delayed(entry, 0);
        delayed(entry, 10);
        Counted third = delayed(entry, 20);
        assertThat(third.tooEarly()).isFalse();
        assertThat(third.window()).isEqualTo(new Window(3, 3_600_000, 1_020));

        Counted early = delayed(entry, 1_019);
        assertThat(early.tooEarly()).isTrue();
        assertThat(entry.value.count()).isEqualTo(3);

        Counted fourth = delayed(entry, 1_020);
        assertThat(fourth.tooEarly()).isFalse();
        assertThat(fourth.window()).isEqualTo(new Window(4, 3_600_000, 3_020));
    }

    @Test
    void aNewWindowForgetsTheDelay() {
        Entry entry = new Entry();
        for (int i = 0; i < 4; i++) {
            delayed(entry, i * 10_000L);
        }
        assertThat(entry.value.notBefore()).isPositive();
        Counted fresh = delayed(entry, 3_600_000);
        assertThat(fresh.tooEarly()).isFalse();
        assertThat(fresh.window()).isEqualTo(new Window(1, 7_200_000, 0));
    }

    @Test
    void theFirstEventOpensAWindow() {
        Entry entry = new Entry();
        increment(entry, 1_000, 60_000);
        assertThat(entry.value).isEqualTo(new Window(1, 61_000, 0));
    }

    @Test
    void eventsInsideTheWindowCountUpWithoutMovingItsEnd() {
        Entry entry = new Entry();
        increment(entry, 1_000, 60_000);
        increment(entry, 30_000, 60_000);
        increment(entry, 60_999, 60_000);
        assertThat(entry.value).isEqualTo(new Window(3, 61_000, 0));
    }

    @Test
    void aReleaseGivesBackOneEventButNeverGoesBelowZero() {
        Entry entry = new Entry();
        increment(entry, 1_000, 60_000);
        increment(entry, 2_000, 60_000);
        assertThat(new RateLimiter.Decrement(3_000).process(entry)).isEqualTo(new Window(1, 61_000, 0));
        new RateLimiter.Decrement(3_000).process(entry);
        assertThat(new RateLimiter.Decrement(3_000).process(entry)).isEqualTo(new Window(0, 61_000, 0));
    }

    @Test
    void incrementsReturnTheWindowTheyMade() {
        Entry entry = new Entry();
        assertThat(increment(entry, 1_000, 60_000)).isEqualTo(new Window(1, 61_000, 0));
        assertThat(increment(entry, 1_500, 60_000)).isEqualTo(new Window(2, 61_000, 0));
    }

    @Test
    void anEventAfterTheWindowStartsAFreshOne() {
        Entry entry = new Entry();
        increment(entry, 1_000, 60_000);
        increment(entry, 61_000, 60_000);
        assertThat(entry.value).isEqualTo(new Window(1, 121_000, 0));
    }
}
