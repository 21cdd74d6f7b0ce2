package org.moim.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import org.moim.identity.entity.Account;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;

/** Every account of the instance, newest first, found by a part of its email or name: one statement per page. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountDirectory {

    public static final int MAX_QUERY = 100;

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    /** The accounts with these ids, by id, in one statement (none for an empty set); ids of no account are left out. */
    public Map<String, Account> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select a from Account a where a.id in :ids", Account.class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(Account::id, account -> account));
    }

    public Page<Account> search(String text, String cursorText, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidField("limit", "must be between 1 and 100");
        }
        if (text != null && text.length() > MAX_QUERY) {
            throw new InvalidField("q", "must be at most " + MAX_QUERY + " characters");
        }
        Cursor after = Cursor.decode("cursor", cursorText);
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        TypedQuery<Account> query = em.createQuery("select a from Account a where 1 = 1"
                        + (q.isEmpty() ? "" : " and (lower(a.email) like :q escape '!' or lower(a.displayName) like :q escape '!')")
                        + (after == null ? "" : " and (a.createdAt < :createdAt or (a.createdAt = :createdAt and a.id < :id))")
                        + " order by a.createdAt desc, a.id desc", Account.class)
                .setMaxResults(limit + 1);
        if (!q.isEmpty()) {
            query.setParameter("q", "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("id", after.id());
        }
        List<Account> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        Account last = found.get(limit - 1);
        return new Page<>(found.subList(0, limit), new Cursor(last.createdAt(), last.id()).encode());
    }
}
