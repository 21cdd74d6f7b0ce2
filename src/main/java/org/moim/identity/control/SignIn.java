package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.platform.problem.RateLimited;
import org.moim.platform.security.RateLimiter;
import org.moim.platform.security.RateLimiter.Delays;
import org.moim.platform.security.RateLimiter.Limit;

/**
 * Password sign-in. Unknown emails and wrong passwords take the same time and get the same
 * answer. Failures are counted so that no one elsewhere can keep the owner out
 * (docs/security.md#sign-in-limits):
 * <ul>
 * <li>per (email, client address): past the limit that address is refused for the account,
 * even with the right password; other addresses are not;</li>
 * <li>per email, from addresses the account never signed in from: a higher limit over a longer
 * window, with progressive delays once failures pile up (a distributed guesser slows down);</li>
 * <li>per client address, across emails: a password sprayer is stopped, but people who signed
 * in from that address before (everyone behind a company proxy) are not.</li>
 * </ul>
 * An address the account signed in from successfully is exempt from the last two.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignIn {

    @Inject
    AuthMethods methods;

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
    KnownAddresses knownAddresses;

    @Inject
    SystemAdministrators administrators;

    @Inject
    AuditTrail audit;

    public TokenPair withPassword(String email, String password, Client client) {
        methods.requirePasswords();
        String address = Emails.normalize(email);
        String pair = KnownAddresses.key(address, client.ipAddress());
        boolean known = knownAddresses.contains(address, client.ipAddress());
        // Every attempt takes its slots before the password is checked; a success gives them back.
        List<Slot> taken = new ArrayList<>();
        try {
            take(taken, new Slot(limits.loginFailuresPerAccountAddress(), pair), Delays.NONE);
            if (!known) {
                take(taken, new Slot(limits.loginFailuresPerAccount(), address), limits.loginDelays());
                take(taken, new Slot(limits.loginFailuresPerAddress(), client.ipAddress()), Delays.NONE);
            }
        } catch (RateLimited refused) {
            taken.forEach(slot -> limiter.release(slot.limit(), slot.key()));
            audit.record(AuditAction.SIGN_IN_REFUSED, actor(null, address, client), null, "rate-limited");
            throw refused;
        }
        Optional<Account> account = accounts.byEmail(address);
        boolean verified = account.isPresent()
                ? hasher.verify(password, account.get().passwordHash())
                : hasher.verifyNothing(password);
        if (!verified) {
            audit.record(AuditAction.SIGN_IN_FAILED, actor(null, address, client), account.map(Account::id).orElse(null), "password");
            throw new InvalidCredentials();
        }
        taken.forEach(slot -> limiter.release(slot.limit(), slot.key()));
        knownAddresses.remember(address, client.ipAddress());
        if (account.get().isDeactivated()) {
            audit.record(AuditAction.SIGN_IN_REFUSED, actor(account.get().id(), address, client), account.get().id(), "deactivated");
            throw new AccountDeactivated();
        }
        administrators.promoteIfConfigured(account.get());
        audit.signedIn(account.get().id(), address, client.ipAddress(), "password");
        return sessions.open(account.get(), client);
    }

    private static AuditTrail.Actor actor(String accountId, String email, Client client) {
        return new AuditTrail.Actor(accountId, email, client.ipAddress());
    }

    private void take(List<Slot> taken, Slot slot, Delays delays) {
        limiter.acquire(slot.limit(), slot.key(), delays);
        taken.add(slot);
    }

    private record Slot(Limit limit, String key) {
    }
}
