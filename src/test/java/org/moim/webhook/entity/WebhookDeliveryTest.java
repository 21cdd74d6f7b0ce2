package org.moim.webhook.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private final Instant t0 = Instant.parse("2025-05-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(70);

    private WebhookDelivery delivery() {
        return new WebhookDelivery(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "member.joined", "{}", t0);
    }

    @Test
    void onlyTheMessageWithTheCurrentKeyStartsAnAttemptAndOnlyOnce() {
        WebhookDelivery delivery = delivery();
        String key = delivery.attemptKey();

        assertThat(delivery.start("another key", t0, LEASE)).isFalse();
        assertThat(delivery.start(key, t0, LEASE)).isTrue();
        assertThat(delivery.start(key, t0, LEASE)).as("the same message again").isFalse();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).as("the lease").isEqualTo(t0.plus(LEASE));
    }

    @Test
    void aFailureWaitsThenANewKeyStartsTheNextAttemptAndTheOldKeyNothing() {
        WebhookDelivery delivery = delivery();
        String first = delivery.attemptKey();
        delivery.start(first, t0, LEASE);

        delivery.failed(500, "HTTP 500", 12L, Duration.ofSeconds(30), t0.plusSeconds(1));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.WAITING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(t0.plusSeconds(31));
        assertThat(delivery.httpStatus()).isEqualTo(500);
        assertThat(delivery.requeue("second", t0.plusSeconds(31))).isTrue();
        assertThat(delivery.nextAttemptAt()).as("when its message counts as lost")
                .isEqualTo(t0.plusSeconds(31).plus(WebhookDelivery.MESSAGE_LOST_AFTER));
        assertThat(delivery.start(first, t0.plusSeconds(32), LEASE)).as("a stale message").isFalse();
        assertThat(delivery.start("second", t0.plusSeconds(32), LEASE)).isTrue();
        assertThat(delivery.attempts()).isEqualTo(2);
    }

    @Test
    void aMessageQueuedAfterWhatIsSeenTellsThatTheQueuingTransactionIsNotVisibleYet() {
        WebhookDelivery seen = delivery();
        seen.start(seen.attemptKey(), t0, LEASE);
        seen.failed(410, "HTTP 410", 5L, Duration.ofSeconds(1), t0.plusMillis(20));
        long requeuedAt = t0.plusSeconds(1).toEpochMilli();

        assertThat(seen.seenBefore(requeuedAt)).as("the WAITING state, before the requeue commits").isTrue();
        assertThat(seen.seenBefore(t0.toEpochMilli())).as("a message older than what is seen: stale").isFalse();
        seen.requeue("next", t0.plusSeconds(1));
        assertThat(seen.seenBefore(requeuedAt)).as("once the requeue is visible").isFalse();
    }

    @Test
    void aLostMessageIsReplacedAndTheOldOneNoLongerStartsAnything() {
        WebhookDelivery delivery = delivery();
        String lost = delivery.attemptKey();
        assertThat(delivery.nextAttemptAt()).isEqualTo(t0.plus(WebhookDelivery.MESSAGE_LOST_AFTER));

        assertThat(delivery.requeue("replacement", t0.plus(WebhookDelivery.MESSAGE_LOST_AFTER))).isTrue();

        assertThat(delivery.start(lost, t0.plusSeconds(700), LEASE)).as("the old message, arriving late after all").isFalse();
        assertThat(delivery.start("replacement", t0.plusSeconds(700), LEASE)).isTrue();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.requeue("another", t0.plusSeconds(701))).as("not while it is being sent").isFalse();
    }

    @Test
    void successClearsTheErrorAndEndsIt() {
        WebhookDelivery delivery = delivery();
        delivery.start(delivery.attemptKey(), t0, LEASE);
        delivery.failed(null, "Cannot reach example.com", 3L, Duration.ofSeconds(1), t0);
        delivery.requeue("k2", t0.plusSeconds(1));
        delivery.start("k2", t0.plusSeconds(1), LEASE);

        delivery.succeeded(204, 40, t0.plusSeconds(2));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(delivery.lastError()).isNull();
        assertThat(delivery.httpStatus()).isEqualTo(204);
        assertThat(delivery.durationMillis()).isEqualTo(40);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.start("k2", t0.plusSeconds(3), LEASE)).isFalse();
        assertThat(delivery.revive("k3", t0)).as("only a dead one is revived").isFalse();
    }

    @Test
    void noRetryLeftMeansDeadAndOnlyARevivalStartsAgain() {
        WebhookDelivery delivery = delivery();
        delivery.start(delivery.attemptKey(), t0, LEASE);

        delivery.failed(503, "HTTP 503:\n  busy\tnow", 5L, null, t0);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(delivery.status().isFinal()).isTrue();
        assertThat(delivery.lastError()).isEqualTo("HTTP 503: busy now");
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.requeue("k", t0)).isFalse();
        assertThat(delivery.revive("k2", t0.plusSeconds(60))).isTrue();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.start("k2", t0.plusSeconds(61), LEASE)).isTrue();
    }

    @Test
    void errorsAreOneShortLine() {
        WebhookDelivery delivery = delivery();
        delivery.start(delivery.attemptKey(), t0, LEASE);
        delivery.failed(500, "x".repeat(2000), 1L, null, t0);
        assertThat(delivery.lastError()).hasSize(WebhookDelivery.MAX_ERROR_LENGTH).endsWith("…");
    }
}
