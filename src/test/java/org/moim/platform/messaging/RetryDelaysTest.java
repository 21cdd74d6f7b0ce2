package org.moim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {

    @Test
    void nDelaysMeanNPlusOneAttempts() {
        RetryDelays delays = RetryDelays.parse("moim.webhooks.retry-delays", "PT30S, PT2M,PT10M");

        assertThat(delays.maxAttempts()).isEqualTo(4);
        assertThat(delays.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delays.after(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delays.after(3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(delays.after(4)).as("the last attempt failed: none follows").isNull();
        assertThat(delays.after(0)).isNull();
    }

    @Test
    void noDelaysMeanOneAttempt() {
        assertThat(RetryDelays.parse("moim.webhooks.retry-delays", "").maxAttempts()).isEqualTo(1);
        assertThat(RetryDelays.parse("moim.webhooks.retry-delays", " ").after(1)).isNull();
    }

    @Test
    void nonsenseIsRefusedAtStartWithTheKeyNamed() {
        assertThatThrownBy(() -> RetryDelays.parse("moim.webhooks.retry-delays", "30s")).hasMessageContaining("moim.webhooks.retry-delays");
        assertThatThrownBy(() -> RetryDelays.parse("moim.webhooks.retry-delays", "PT1S,PT0S")).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetryDelays.parse("moim.webhooks.retry-delays", "-PT1S")).hasMessageContaining("positive");
    }
}
