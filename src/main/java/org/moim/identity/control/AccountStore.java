package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.moim.identity.entity.Account;
import org.moim.platform.problem.NotFound;

/** Accounts by id and by email. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountStore {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    public Optional<Account> byEmail(String normalizedEmail) {
        return em.createQuery("select a from Account a where a.email = :email", Account.class)
                .setParameter("email", normalizedEmail)
                .getResultStream().findFirst();
    }

    public Account byId(String id) {
        Account account = id == null ? null : em.find(Account.class, id);
        if (account == null) {
            throw new NotFound("The account");
        }
        return account;
    }

    public void add(Account account) {
        em.persist(account);
        em.flush();
    }
}
