package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.notification.entity.OutboxMail;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;

/**
 * The outbox page's store: with mail off, each account mail the instance would have sent, newest
 * first, at most {@code moim.mail.outbox.keep} of them (older ones are deleted as new ones come).
 */
@ApplicationScoped
public class MailOutbox {

    /** The longest subject kept (RFC 5322's line limit); longer ones are cut. */
    static final int SUBJECT_LENGTH = 998;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.mail.outbox.keep", defaultValue = "200")
    int keep;

    /** Keeps one mail, in the caller's transaction (a mail job's), and lets the oldest beyond the limit go. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void keep(String to, String subject, String text) {
        em.persist(new OutboxMail(to, cut(subject), text, clock.instant()));
        em.flush();
        List<Instant> beyond = em.createQuery("select m.createdAt from OutboxMail m order by m.createdAt desc, m.id desc", Instant.class)
                .setFirstResult(Math.max(keep, 1))
                .setMaxResults(1)
                .getResultList();
        if (!beyond.isEmpty()) {
            em.createQuery("delete from OutboxMail m where m.createdAt <= :oldest").setParameter("oldest", beyond.getFirst()).executeUpdate();
        }
    }

    /** The kept mails, newest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<OutboxMail> page(String cursor, int limit) {
        Keyset keyset = Keyset.newestFirst("m.createdAt", "m.id", limit, cursor);
        return keyset.page(em.createQuery("select m from OutboxMail m where 1 = 1" + keyset.and() + keyset.orderBy(), OutboxMail.class),
                m -> new Cursor(m.createdAt(), m.id()));
    }

    private static String cut(String subject) {
        if (subject.length() <= SUBJECT_LENGTH) {
            return subject;
        }
        int end = SUBJECT_LENGTH - 1;
        if (Character.isHighSurrogate(subject.charAt(end - 1))) {
            end--;
        }
        return subject.substring(0, end) + "…";
    }
}
