package org.moim.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import org.moim.audit.entity.AuditAction;
import org.moim.audit.entity.AuditEntry;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;

/** Reading the audit log: newest first, in keyset pages (one statement each), optionally of one action or about one account. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditEntries {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /** Which entries: all, or one action, or those an account did or underwent. */
    public record Filter(AuditAction action, String accountId) {
        public static final Filter ALL = new Filter(null, null);
    }

    public Page<AuditEntry> page(Filter filter, String cursorText, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidField("limit", "must be between 1 and 1000");
        }
        Cursor after = Cursor.decode("cursor", cursorText);
        TypedQuery<AuditEntry> query = em.createQuery("select e from AuditEntry e where 1 = 1"
                        + (filter.action() == null ? "" : " and e.action = :action")
                        + (filter.accountId() == null ? "" : " and (e.actorId = :account or e.subjectId = :account)")
                        + (after == null ? "" : " and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :id))")
                        + " order by e.occurredAt desc, e.id desc", AuditEntry.class)
                .setMaxResults(limit + 1);
        if (filter.action() != null) {
            query.setParameter("action", filter.action());
        }
        if (filter.accountId() != null) {
            query.setParameter("account", filter.accountId());
        }
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        List<AuditEntry> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        AuditEntry last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.occurredAt(), last.id()).encode());
    }
}
