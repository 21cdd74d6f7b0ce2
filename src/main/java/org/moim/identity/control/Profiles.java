package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.Account.Language;
import org.moim.identity.entity.LoginSession.RevokedReason;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.security.RateLimiter;

/** A signed-in person's own profile and password. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Profiles {

    @Inject
    AuthMethods methods;

    @Inject
    AuditTrail audit;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginSessions sessions;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    Clock clock;

    /** Changes the fields given (null leaves a field as it is). */
    public Account update(String accountId, String displayName, String language, String timeZone) {
        Account account = accounts.byId(accountId);
        Instant now = clock.instant();
        if (displayName != null) {
            account.rename(DisplayNames.clean("displayName", displayName), now);
        }
        if (language != null) {
            account.preferLanguage(language("locale", language), now);
        }
        if (timeZone != null) {
            account.moveToTimeZone(zone("timeZone", timeZone), now);
        }
        return account;
    }

    /**
     * Replaces the password after checking the current one (wrong ones are limited per account,
     * apart from the sign-in counters), then signs out every other session of the account.
     */
    public void changePassword(String accountId, String currentSessionId, String currentPassword, String newPassword, String address) {
        methods.requirePasswords();
        Account account = accounts.byId(accountId);
        limiter.acquire(limits.currentPasswordChecks(), account.id());
        if (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash())) {
            throw new WrongPassword();
        }
        limiter.release(limits.currentPasswordChecks(), account.id());
        PasswordPolicy.check("newPassword", newPassword, account.email());
        account.changePassword(hasher.hash(newPassword), clock.instant());
        int ended = sessions.revokeOthers(accountId, currentSessionId, RevokedReason.PASSWORD_CHANGED);
        audit.record(AuditAction.PASSWORD_CHANGED, new AuditTrail.Actor(accountId, account.email(), address), accountId,
                ended + " other sessions ended");
    }

    static Language language(String field, String tag) {
        try {
            return Language.of(tag);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be one of: en, ko");
        }
    }

    static ZoneId zone(String field, String id) {
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw new InvalidField(field, "must be an IANA time zone such as Asia/Seoul");
        }
        return ZoneId.of(id);
    }
}
