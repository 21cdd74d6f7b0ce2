package org.moim.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.moim.job.entity.Job;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.problem.NotFound;

/** Creating jobs and reading them. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Jobs {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    JmsSender sender;

    @Inject
    Clock clock;

    /**
     * Records a job and puts its message on the queue, both in the caller's transaction: if it
     * rolls back, there is neither a row nor a message.
     */
    public Job enqueue(String queue, String type, int version, String ownerAccountId, JsonObject payload) {
        Job job = new Job(type, ownerAccountId, clock.instant());
        Envelope envelope = new Envelope(type, version, job.idempotencyKey(), payload);
        job.queuedAs(queue, envelope.toJson());
        em.persist(job);
        sender.send(queue, envelope);
        return job;
    }

    /** The owner's job; {@link NotFound} for an unknown id and for someone else's. */
    public Job ofOwner(String ownerAccountId, String id) {
        Job job = id == null ? null : em.find(Job.class, id);
        if (job == null || !job.ownerAccountId().equals(ownerAccountId)) {
            throw new NotFound("The job");
        }
        return job;
    }

    /** Any job by id, whoever owns it (for handlers; people go through {@link #ofOwner}). */
    public Optional<Job> find(String id) {
        return Optional.ofNullable(id == null ? null : em.find(Job.class, id));
    }

    public Optional<Job> byIdempotencyKey(String key) {
        return em.createQuery("select j from Job j where j.idempotencyKey = :key", Job.class)
                .setParameter("key", key)
                .getResultStream().findFirst();
    }
}
