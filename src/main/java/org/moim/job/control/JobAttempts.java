package org.moim.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobDied;
import org.moim.job.entity.JobFinished;
import org.moim.platform.messaging.RetryDelays;

/**
 * The life of a job while its message is handled, keyed by the message's idempotency key.
 *
 * <p>{@link #begin} and {@link #failed} commit in transactions of their own: the handler's
 * transaction rolls back when an attempt fails (so the broker redelivers), and the attempt count
 * and error must survive that. {@link #succeeded} and {@link #bury} join the handler's
 * transaction, so the status commits together with the message's acknowledgement; both fire
 * {@link JobFinished} in that transaction when they finish the job (once per job: a job that is
 * finished already stays as it is and fires nothing).
 */
@ApplicationScoped
public class JobAttempts {

    private static final Logger LOG = Logger.getLogger(JobAttempts.class.getName());

    @Inject
    Jobs jobs;

    @Inject
    Clock clock;

    @Inject
    Event<JobFinished> finished;

    @Inject
    Event<JobDied> died;

    /** This bean through its proxy: each look of {@link #beginWhenVisible} is a transaction of its own. */
    @Inject
    JobAttempts self;

    /** How long {@link #beginWhenVisible} looks for a job that is not visible yet, and how often. */
    static final long VISIBLE_WITHIN_MILLIS = 2000;
    static final long LOOK_EVERY_MILLIS = 50;

    /**
     * {@link #begin}, looking again for a while when the job is not visible yet (the other branch
     * of the XA transaction that queued it is usually milliseconds away), so that the broker's few
     * redeliveries are kept for real failures. Each look runs in a transaction of its own, so it
     * sees what has committed since. Throws {@link JobNotVisible} when the job stays invisible.
     */
    public boolean beginWhenVisible(String idempotencyKey) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN_MILLIS * 1_000_000;
        while (true) {
            try {
                return self.begin(idempotencyKey);
            } catch (JobNotVisible e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(LOOK_EVERY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Starts an attempt; false when there is nothing to do (a finished job). A job that cannot be
     * seen yet throws {@link JobNotVisible}, so the broker redelivers: the job row and the message
     * commit in one XA transaction, but the broker's branch may commit first.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean begin(String idempotencyKey) {
        Job job = jobs.byIdempotencyKey(idempotencyKey).orElseThrow(() -> new JobNotVisible(idempotencyKey));
        boolean started = job.start(clock.instant());
        if (!started) {
            LOG.log(Level.INFO, "Job {0} is {1}: its redelivered message is ignored", new Object[] {job.id(), job.status()});
        }
        return started;
    }

    /** No job (yet) for a message: redelivered, and dropped as a dead letter if it never appears. */
    public static final class JobNotVisible extends RuntimeException {
        JobNotVisible(String idempotencyKey) {
            super("No job has idempotency key " + idempotencyKey + " (yet)");
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String idempotencyKey, String error) {
        jobs.byIdempotencyKey(idempotencyKey).ifPresent(job -> job.fail(error, clock.instant()));
    }

    /**
     * The attempt failed and the job keeps its own schedule (mail): it waits for the next attempt
     * {@code delays} says, or, when none is left, is buried like a dead letter. Joins the
     * handler's transaction, which commits (the message is acknowledged: the next attempt is a new
     * message, queued by {@link JobRetries}).
     */
    @Transactional(TxType.MANDATORY)
    public void failedRetryLater(String idempotencyKey, String error, RetryDelays delays) {
        jobs.byIdempotencyKey(idempotencyKey).ifPresent(job -> {
            Instant now = clock.instant();
            Duration wait = delays.after(job.attempts());
            if (wait != null) {
                job.failUntil(error, now.plus(wait), now);
                LOG.log(Level.INFO, "Job {0} ({1}) attempt {2} failed; the next is at {3}",
                        new Object[] {job.id(), job.type(), job.attempts(), job.nextAttemptAt()});
            } else {
                job.fail(error, now);
                bury(idempotencyKey, "no attempt left");
                LOG.log(Level.SEVERE, "Job {0} ({1}, owner {2}) is DEAD after {3} attempts; last error: {4}",
                        new Object[] {job.id(), job.type(), job.ownerAccountId(), job.attempts(), job.lastError()});
            }
        });
    }

    @Transactional(TxType.MANDATORY)
    public void succeeded(String idempotencyKey) {
        jobs.byIdempotencyKey(idempotencyKey).filter(job -> job.succeed(clock.instant()))
                .ifPresent(job -> finished.fire(JobFinished.of(job)));
    }

    /**
     * The message is dead-lettered: no attempt is left. Returns the job, if there is one, and
     * fires {@link JobFinished} and {@link JobDied} (the same news for observers that only care
     * about deaths) the first time it is buried.
     */
    @Transactional(TxType.MANDATORY)
    public java.util.Optional<Job> bury(String idempotencyKey, String reason) {
        var job = jobs.byIdempotencyKey(idempotencyKey);
        job.filter(j -> j.bury(reason, clock.instant())).ifPresent(j -> {
            finished.fire(JobFinished.of(j));
            died.fire(new JobDied(j.id(), j.type(), j.ownerAccountId()));
        });
        return job;
    }
}
