package org.moim.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobStatus;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;

/**
 * Jobs that wait in the database for their next attempt (mail, see
 * {@link JobAttempts#failedRetryLater}): once the wait is over, the job is {@code QUEUED} again
 * and, once that has committed, its message is sent again. Two nodes that pick the same job collide
 * on its version; the loser rolls back and sends nothing, so each attempt is queued once. A job queued
 * again that is still QUEUED or RUNNING after {@code moim.jobs.lost-after} (its message or the
 * node running it was lost) is sent again.
 */
@ApplicationScoped
public class JobRetries {

    static final int BATCH = 100;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    JmsSender sender;

    @Inject
    Clock clock;

    /** How long a job queued again may stay QUEUED or RUNNING before its message or attempt counts as lost. */
    @Inject
    @ConfigProperty(name = "moim.jobs.lost-after", defaultValue = "PT2M")
    Duration lostAfter;

    private static final Logger LOG = Logger.getLogger(JobRetries.class.getName());

    @Inject
    JobRetries self;   // the transactional claim runs through the proxy

    /**
     * Queues the next attempt of jobs whose wait is over; answers how many. The jobs are claimed
     * (QUEUED again) in one transaction, and their messages are sent only after it committed: a
     * listener never meets a message whose job the database does not show as queued yet (on
     * MariaDB it did, and the attempt was lost until the watch below). A node that dies between
     * the commit and the sends leaves jobs QUEUED that the watch sends again after
     * {@code moim.jobs.lost-after}.
     */
    public int requeueDue() {
        List<Claimed> claimed = self.claimDue();
        for (Claimed job : claimed) {
            sender.send(job.queue(), job.envelope());
        }
        return claimed.size();
    }

    /** A job claimed for its next attempt: where its message goes, and the message. */
    public record Claimed(String queue, Envelope envelope) {
    }

    /** Marks the jobs whose wait is over QUEUED again, in a transaction of its own. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<Job> due = em.createQuery("""
                        select j from Job j
                        where j.status in :statuses and j.nextAttemptAt <= :now
                        order by j.nextAttemptAt""", Job.class)
                .setParameter("statuses", List.of(JobStatus.FAILED, JobStatus.QUEUED, JobStatus.RUNNING))
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Job job : due) {
            JobStatus was = job.status();
            if (job.requeue(now, lostAfter)) {
                if (was != JobStatus.FAILED) {
                    LOG.log(Level.WARNING, "Job {0} ({1}) was still {2} {3} after it was queued again: its message or attempt was lost; sending it again",
                            new Object[] {job.id(), job.type(), was, lostAfter});
                }
                claimed.add(new Claimed(job.queue(), Envelope.parse(job.envelope())));
            }
        }
        em.flush();   // a second node that claimed the same job first fails here, and sends nothing
        return claimed;
    }
}
