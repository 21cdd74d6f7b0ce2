package org.moim.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobStatus;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;

/**
 * Jobs that wait in the database for their next attempt (mail, see
 * {@link JobAttempts#failedRetryLater}): once the wait is over, the job is {@code QUEUED} again
 * and its message sent again, in one transaction. Two nodes that pick the same job collide on its
 * version; the loser rolls back, messages included, so each attempt is queued once.
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

    /** Queues the next attempt of jobs whose wait is over; answers how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int requeueDue() {
        Instant now = clock.instant();
        List<Job> due = em.createQuery("""
                        select j from Job j
                        where j.status = :status and j.nextAttemptAt <= :now
                        order by j.nextAttemptAt""", Job.class)
                .setParameter("status", JobStatus.FAILED)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        int queued = 0;
        for (Job job : due) {
            if (job.requeue(now)) {
                sender.send(job.queue(), Envelope.parse(job.envelope()));
                queued++;
            }
        }
        return queued;
    }
}
