package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealtimeTimersTest {

    private final RealtimeTimers.ImmediateInPlace timers = new RealtimeTimers.ImmediateInPlace(1, Executors.defaultThreadFactory());

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void aTaskDueNowRunsInTheCallersThreadAndIsDone() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        ScheduledFuture<?> future = timers.schedule(() -> ranOn.set(Thread.currentThread()), 0, TimeUnit.MILLISECONDS);

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(future.isDone()).isTrue();
        assertThat(future.cancel(true)).isFalse();
        assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void aLaterTaskRunsOnTheTimersThreadAndCanBeCancelled() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        timers.schedule(() -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        }, 20, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> cancelled = timers.schedule(() -> ranOn.set(null), 1, TimeUnit.HOURS);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(cancelled.cancel(false)).isTrue();
        assertThat(timers.getQueue()).isEmpty();
    }
}
