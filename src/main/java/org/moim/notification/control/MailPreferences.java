package org.moim.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.control.AccountStore;
import org.moim.notification.entity.MailMode;
import org.moim.notification.entity.NotificationMailSetting;

/**
 * Each person's choice of notification mail ({@link MailMode}); without a choice,
 * {@code moim.notifications.mail.default-mode} (DIGEST). The one-click unsubscribe of a mail turns
 * it OFF, with no sign-in: the signed token is the proof.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailPreferences {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountStore accounts;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    @ConfigProperty(name = "moim.notifications.mail.default-mode", defaultValue = "DIGEST")
    MailMode defaultMode;

    public MailMode mode(String accountId) {
        NotificationMailSetting setting = em.find(NotificationMailSetting.class, accountId);
        return setting == null ? defaultMode : setting.mode();
    }

    /** The modes of these accounts, in one query. */
    public Map<String, MailMode> modes(Collection<String> accountIds) {
        Map<String, MailMode> modes = new HashMap<>();
        accountIds.forEach(id -> modes.put(id, defaultMode));
        if (!accountIds.isEmpty()) {
            em.createQuery("select s from NotificationMailSetting s where s.accountId in :ids", NotificationMailSetting.class)
                    .setParameter("ids", Set.copyOf(accountIds))
                    .getResultList()
                    .forEach(s -> modes.put(s.accountId(), s.mode()));
        }
        return modes;
    }

    public MailMode choose(String accountId, MailMode mode) {
        accounts.byId(accountId);
        NotificationMailSetting setting = em.find(NotificationMailSetting.class, accountId);
        if (setting == null) {
            em.persist(new NotificationMailSetting(accountId, mode, clock.instant()));
        } else {
            setting.choose(mode, clock.instant());
        }
        return mode;
    }

    /** One-click unsubscribe: notification mail OFF for the token's account (again is fine; an account that is gone is too). */
    public void unsubscribe(String token) {
        String accountId = tokens.accountOf(token);
        if (em.find(org.moim.identity.entity.Account.class, accountId) != null) {
            choose(accountId, MailMode.OFF);
        }
    }
}
