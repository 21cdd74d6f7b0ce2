package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.EmailVerification;
import org.moim.identity.entity.EmailVerificationRequested;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.RateLimited;
import org.moim.platform.security.RateLimiter;
import org.moim.platform.security.RateLimiter.Limit;

/**
 * Verified addresses (docs/security.md, Verified addresses). A verification is a
 * {@link SingleUseLinks single-use link}: its secret is minted when its mail is sent and only its
 * SHA-256 is stored. A new account gets one at sign-up; its owner may ask for
 * another, and may ask to move to a new address, which takes effect only when the link mailed to
 * that new address is opened. Links are limited per account and per address (the mailbox), apart
 * from the sign-in limits, so a flood never locks the owner out of signing in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EmailVerifications {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    PasswordHasher hasher;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    Clock clock;

    @Inject
    Event<EmailVerificationRequested> requested;

    @Inject
    @ConfigProperty(name = "moim.email-verification.ttl", defaultValue = "P2D")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.email-verification.per-account", defaultValue = "5")
    int perAccount;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.email-verification.per-address", defaultValue = "5")
    int perAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.email-verification.window", defaultValue = "PT1H")
    Duration window;

    /** Addresses taken as verified at sign-up without a mail: for test environments only (README). */
    @Inject
    @ConfigProperty(name = "moim.email-verification.assume-verified")
    Optional<String> assumeVerified;

    /**
     * A new account's first link; for an address {@code moim.email-verification.assume-verified}
     * matches, verified at once instead.
     */
    public void afterSignUp(Account account, String appUrl) {
        if (assumeVerified.map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE).matcher(account.email()).matches()).orElse(false)) {
            account.verifyEmail(clock.instant());
            return;
        }
        try {
            start(account, account.email(), appUrl);
        } catch (RateLimited enough) {
            // Never fail a sign-up over this: the owner can ask for a link once the window has passed.
        }
    }

    /** Another link for the account's own address; {@link RateLimited} past the limits. */
    public void resend(String accountId, String appUrl) {
        Account account = accounts.byId(accountId);
        if (account.emailVerified()) {
            throw new EmailVerifiedAlready();
        }
        start(account, account.email(), appUrl);
    }

    /**
     * Asks to move the account to {@code newEmail}: checks the current password (counted like a
     * failed sign-in when wrong) and mails a link to the new address. The account keeps its
     * address until that link is opened.
     */
    public void requestChange(String accountId, String newEmail, String currentPassword, String appUrl) {
        Account account = accounts.byId(accountId);
        limiter.acquire(limits.loginFailuresPerAccount(), account.email());
        if (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash())) {
            throw new WrongPassword();
        }
        limiter.release(limits.loginFailuresPerAccount(), account.email());
        String address = Emails.normalize(newEmail);
        if (address.equals(account.email())) {
            throw new InvalidField("email", "is your address already");
        }
        if (accounts.byEmail(address).isPresent()) {
            throw new EmailTaken();
        }
        start(account, address, appUrl);
    }

    private void start(Account account, String address, String appUrl) {
        limiter.acquire(new Limit("email-verification-account", perAccount, window), account.id());
        limiter.acquire(new Limit("email-verification-address", perAddress, window), address);
        Instant now = clock.instant();
        EmailVerification verification = new EmailVerification(account.id(), address, now, now.plus(ttl));
        em.persist(verification);
        requested.fire(new EmailVerificationRequested(verification.id(), account.id(), appUrl));
    }

    /** What a verification mail needs: the link's token, minted now, the address it goes to, and whose it is. */
    public record IssuedLink(String token, String email, Account account, Instant expiresAt) {
    }

    /**
     * Mints the secret of a verification's link (replacing one an earlier attempt minted), in a
     * transaction of its own that commits before the mail is sent, so the link works as soon as
     * the mail arrives; empty when it is used, expired or gone, so no mail is sent for it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<IssuedLink> issue(String verificationId) {
        return links.mint(EmailVerification.class, verificationId).map(minted -> new IssuedLink(minted.token(), minted.link().email(),
                accounts.byId(minted.link().accountId()), minted.link().expiresAt()));
    }

    /** The verification a link stands for, if it may be used now; else the reason it may not. */
    public EmailVerification check(String token) {
        return links.check(EmailVerification.class, token, VerifyLinkRefused::of);
    }

    /**
     * Opens a link: its address becomes the account's, verified; every other open link of the
     * account is spent. {@link EmailTaken} when another account took a new address meanwhile.
     */
    public Account confirm(String token) {
        EmailVerification verification = check(token);
        Account account = accounts.byId(verification.accountId());
        Instant now = clock.instant();
        if (verification.email().equals(account.email())) {
            account.verifyEmail(now);
        } else {
            if (accounts.byEmail(verification.email()).isPresent()) {
                throw new EmailTaken();
            }
            account.moveToVerifiedEmail(verification.email(), now);
        }
        links.spendOpen(EmailVerification.class, account.id(), now);
        verification.use(now);
        em.flush();
        return account;
    }
}
