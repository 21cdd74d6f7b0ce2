package org.moim.platform.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.schedule.entity.ScheduleLease;

/**
 * Database leases ({@code schedule_lease}): one row per schedule, held by one node at a time. A
 * node takes the lease with one conditional update (its own, or one that expired), in a
 * transaction of its own, so two nodes asking at once cannot both get it: the database serializes
 * the two updates and the second finds the condition false.
 */
@ApplicationScoped
public class ScheduleLeases {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ScheduleLeases self;

    /** This node, for as long as the application runs: host name and a random part. */
    private final String node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String node() {
        return node;
    }

    /**
     * Whether this node holds the lease {@code name} for the next {@code duration}: renews it when
     * held, takes it when it lapsed or never existed; false when another node holds it.
     */
    public boolean take(String name, Duration duration) {
        if (self.renewOrTake(name, duration)) {
            return true;
        }
        try {
            return self.create(name, duration);
        } catch (RuntimeException e) {   // a PersistenceException, perhaps wrapped by the transaction's end
            if (DuplicateKeys.in(e)) {
                return false; // another node created it a moment ago: it holds it
            }
            throw e;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public boolean renewOrTake(String name, Duration duration) {
        Instant now = clock.instant();
        return em.createQuery("""
                        update ScheduleLease l set l.holder = :node, l.expiresAt = :until, l.taken = l.taken + 1
                        where l.name = :name and (l.holder = :node or l.expiresAt <= :now)""")
                .setParameter("node", node)
                .setParameter("until", now.plus(duration))
                .setParameter("name", name)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Creates the lease held by this node; false when it exists (held by another node). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean create(String name, Duration duration) {
        if (em.find(ScheduleLease.class, name) != null) {
            return false;
        }
        em.persist(new ScheduleLease(name, node, clock.instant().plus(duration)));
        em.flush();
        return true;
    }

    /** Lets go of the leases this node holds (it is stopping): another node takes them on its next tick. */
    @Transactional(TxType.REQUIRES_NEW)
    public int releaseAll() {
        return em.createQuery("update ScheduleLease l set l.expiresAt = :now where l.holder = :node and l.expiresAt > :now")
                .setParameter("now", clock.instant())
                .setParameter("node", node)
                .executeUpdate();
    }

    /** The lease as it is now, or null; for operators and tests. */
    @Transactional(TxType.REQUIRES_NEW)
    public ScheduleLease find(String name) {
        return em.find(ScheduleLease.class, name);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
