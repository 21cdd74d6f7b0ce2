package org.moim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.cache.processor.MutableEntry;
import org.junit.jupiter.api.Test;
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

    @Test
    void theFirstEventOpensAWindow() {
        Entry entry = new Entry();
        new Increment(1_000, 60_000).process(entry);
        assertThat(entry.value).isEqualTo(new Window(1, 61_000));
    }

    @Test
    void eventsInsideTheWindowCountUpWithoutMovingItsEnd() {
        Entry entry = new Entry();
        new Increment(1_000, 60_000).process(entry);
        new Increment(30_000, 60_000).process(entry);
        new Increment(60_999, 60_000).process(entry);
        assertThat(entry.value).isEqualTo(new Window(3, 61_000));
    }

    @Test
    void aReleaseGivesBackOneEventButNeverGoesBelowZero() {
        Entry entry = new Entry();
        new Increment(1_000, 60_000).process(entry);
        new Increment(2_000, 60_000).process(entry);
        assertThat(new RateLimiter.Decrement(3_000).process(entry)).isEqualTo(new Window(1, 61_000));
        new RateLimiter.Decrement(3_000).process(entry);
        assertThat(new RateLimiter.Decrement(3_000).process(entry)).isEqualTo(new Window(0, 61_000));
    }

    @Test
    void incrementsReturnTheWindowTheyMade() {
        Entry entry = new Entry();
        assertThat(new Increment(1_000, 60_000).process(entry)).isEqualTo(new Window(1, 61_000));
        assertThat(new Increment(1_500, 60_000).process(entry)).isEqualTo(new Window(2, 61_000));
    }

    @Test
    void anEventAfterTheWindowStartsAFreshOne() {
        Entry entry = new Entry();
        new Increment(1_000, 60_000).process(entry);
        new Increment(61_000, 60_000).process(entry);
        assertThat(entry.value).isEqualTo(new Window(1, 121_000));
    }
}
