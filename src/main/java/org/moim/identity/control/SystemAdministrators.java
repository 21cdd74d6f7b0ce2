package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.entity.Account;

/**
 * The instance's system administrators: the accounts whose emails {@code moim.admin.emails}
 * names become administrators when the server starts or when they register; any administrator
 * may grant the role to others (docs/administration.md).
 */
@ApplicationScoped
public class SystemAdministrators {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "moim.admin.emails")
    Optional<String> configured;

    /** The configured emails, normalized like every stored email. */
    public Set<String> configuredEmails() {
        return java.util.Arrays.stream(configured.orElse("").split(","))
                .map(String::strip).filter(e -> !e.isEmpty()).map(Emails::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Makes the configured accounts administrators (on start); returns how many became one now. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int promoteConfigured() {
        Set<String> emails = configuredEmails();
        if (emails.isEmpty()) {
            return 0;
        }
        List<Account> found = em.createQuery("select a from Account a where a.email in :emails and a.systemAdmin = false", Account.class)
                .setParameter("emails", emails)
                .getResultList();
        found.forEach(account -> account.grantAdministration(clock.instant()));
        return found.size();
    }

    /** A new account whose email is configured is an administrator from the start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void promoteIfConfigured(Account account) {
        if (!account.isSystemAdmin() && configuredEmails().contains(account.email())) {
            account.grantAdministration(clock.instant());
        }
    }

    /** The active administrators, locked until the transaction ends: whoever changes who administers takes turns. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Account> activeLocked() {
        return em.createQuery("select a from Account a where a.systemAdmin = true and a.deactivatedAt is null order by a.id", Account.class)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
