package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.moim.identity.entity.Account;
import org.moim.platform.problem.RateLimited;
import org.moim.platform.security.RateLimiter;

/**
 * Password sign-in. Unknown emails and wrong passwords take the same time and get the same
 * answer; failures are counted per email and per client address, and past the limit even the
 * right password is refused until the window ends.
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

    public TokenPair withPassword(String email, String password, Client client) {
        methods.requirePasswords();
        String address = Emails.normalize(email);
        // Every attempt takes a slot before the password is checked; a success gives it back.
        limiter.acquire(limits.loginFailuresPerAccount(), address);
        try {
            limiter.acquire(limits.loginFailuresPerAddress(), client.ipAddress());
        } catch (RateLimited refused) {
            limiter.release(limits.loginFailuresPerAccount(), address);
            throw refused;
        }
        Optional<Account> account = accounts.byEmail(address);
        boolean verified = account.isPresent()
                ? hasher.verify(password, account.get().passwordHash())
                : hasher.verifyNothing(password);
        if (!verified) {
            throw new InvalidCredentials();
        }
        limiter.release(limits.loginFailuresPerAccount(), address);
        limiter.release(limits.loginFailuresPerAddress(), client.ipAddress());
        return sessions.open(account.get(), client);
    }
}
