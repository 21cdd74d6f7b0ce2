package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.Account.Language;
import org.moim.platform.persistence.DuplicateKeys;
import org.moim.platform.security.RateLimiter;

/** Creates accounts. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Registration {

    @Inject
    AuthMethods methods;

    @Inject
    SystemAdministrators administrators;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    Clock clock;

    /** A new account; {@link EmailTaken} if the address is registered already. */
    public Account register(String email, String password, String displayName, String language, String timeZone, Client client) {
        methods.requirePasswords();
        limiter.acquire(limits.registrationsPerAddress(), client.ipAddress());
        String address = Emails.normalize(email);
        PasswordPolicy.check("password", password, address);
        String name = DisplayNames.clean("displayName", displayName);
        Language preferred = Profiles.language("locale", language == null ? "en" : language);
        ZoneId zone = Profiles.zone("timeZone", timeZone == null ? "UTC" : timeZone);
        if (accounts.byEmail(address).isPresent()) {
            throw new EmailTaken();
        }
        Account account = new Account(address, hasher.hash(password), name, preferred, zone, clock.instant());
        administrators.promoteIfConfigured(account);
        try {
            accounts.add(account);
        } catch (PersistenceException e) {
            if (DuplicateKeys.in(e)) {
                throw new EmailTaken();  // registered a moment ago by a parallel request
            }
            throw e;
        }
        return account;
    }
}
