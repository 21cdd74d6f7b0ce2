package org.moim.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.job.entity.Job;
import org.moim.job.entity.JobStatus;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;

/** Jobs that ran out of attempts (mails among them), for administrators: listed, and tried again by hand. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadJobs {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    JmsSender sender;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.jobs.lost-after", defaultValue = "PT2M")
    Duration lostAfter;

    /** Dead jobs newest first, optionally of one queue (e.g. {@code moim.alerts}: the mails). */
    public Page<Job> page(String queue, String cursorText, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidField("limit", "must be between 1 and 100");
        }
        Cursor after = Cursor.decode("cursor", cursorText);
        TypedQuery<Job> query = em.createQuery("select j from Job j where j.status = :dead"
                        + (queue == null ? "" : " and j.queue = :queue")
                        + (after == null ? "" : " and (j.createdAt < :createdAt or (j.createdAt = :createdAt and j.id < :id))")
                        + " order by j.createdAt desc, j.id desc", Job.class)
                .setParameter("dead", JobStatus.DEAD)
                .setMaxResults(limit + 1);
        if (queue != null) {
            query.setParameter("queue", queue);
        }
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<Job> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Job last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }

    /** A new round of attempts for a dead job: its message goes on its queue again when the transaction commits. */
    public Job retry(String id) {
        Job job = id == null ? null : em.find(Job.class, id);
        if (job == null) {
            throw new NotFound("The job");
        }
        if (!job.revive(clock.instant(), lostAfter)) {
            throw new JobNotDead(job.status().name());
        }
        sender.send(job.queue(), Envelope.parse(job.envelope()));
        return job;
    }
}
