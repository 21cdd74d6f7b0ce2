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
import java.util.UUID;
import jakarta.json.Json;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.LoginSession.RevokedReason;
import org.moim.identity.entity.PasswordReset;
import org.moim.identity.entity.PasswordResetCompleted;
import org.moim.identity.entity.PasswordResetRequested;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsSender;
import org.moim.platform.messaging.MalformedMessage;
import org.moim.platform.problem.RateLimited;
import org.moim.platform.security.RateLimiter;
import org.moim.platform.security.RateLimiter.Limit;

/**
 * Password reset by mail. A request is a message on {@value #QUEUE} whatever the address; its
 * listener finds the account. A reset is a {@link SingleUseLinks single-use link}: its secret is
 * minted when its mail is sent and only its SHA-256 is stored. Asking answers the same whether
 * or not the address has an account; a flood for one account is dropped quietly (never locking
 * its owner out of signing in: the sign-in limits are separate). Using a link replaces the
 * password under the usual policy, ends every session (their refresh tokens with them) and tells
 * the owner by mail.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PasswordResets {

    /** Requests for a reset, looked up off the request thread. */
    public static final String QUEUE = "moim.password-resets";
    static final String REQUEST_TYPE = "password-reset-request";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AuthMethods methods;

    @Inject
    AccountStore accounts;

    @Inject
    SingleUseLinks links;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginSessions sessions;

    @Inject
    RateLimiter limiter;

    @Inject
    Clock clock;

    @Inject
    JmsSender sender;

    @Inject
    Event<PasswordResetRequested> requested;

    @Inject
    Event<PasswordResetCompleted> completed;

    @Inject
    @ConfigProperty(name = "moim.password-reset.ttl", defaultValue = "PT1H")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.password-reset.per-account", defaultValue = "3")
    int perAccount;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.password-reset.per-address", defaultValue = "20")
    int perClientAddress;

    @Inject
    @ConfigProperty(name = "moim.rate-limit.password-reset.window", defaultValue = "PT1H")
    Duration window;

    /**
     * Asks for a reset link for {@code email}. Throws only {@link RateLimited} for a client address
     * that asked too often; otherwise returns without saying whether a mail will go out. The same
     * work for every address: one message on {@value #QUEUE}, whose listener looks the address up
     * ({@link #handle}), so neither the answer nor its time tells whether an account exists.
     */
    public void request(String email, String clientAddress, String appUrl) {
        methods.requirePasswords();
        limiter.acquire(new Limit("password-reset-address", perClientAddress, window), clientAddress);
        sender.send(QUEUE, new Envelope(REQUEST_TYPE, 1, UUID.randomUUID().toString(),
                Json.createObjectBuilder().add("email", email).add("appUrl", appUrl).build()));
    }

    /**
     * A request from the queue: for an address with an account (and under its limit), a reset and
     * its mail (through {@link PasswordResetRequested}); for any other, nothing.
     */
    public void handle(Envelope envelope) {
        if (!REQUEST_TYPE.equals(envelope.type()) || envelope.version() != 1
                || !(envelope.payload().get("email") instanceof JsonString email)
                || !(envelope.payload().get("appUrl") instanceof JsonString appUrl)) {
            throw new MalformedMessage("not a " + REQUEST_TYPE + " v1 message");
        }
        Optional<Account> account = accounts.byEmail(Emails.normalize(email.getString()));
        if (account.isEmpty()) {
            return;
        }
        try {
            limiter.acquire(new Limit("password-reset-account", perAccount, window), account.get().id());
        } catch (RateLimited enough) {
            return; // the owner has mails on the way already
        }
        Instant now = clock.instant();
        PasswordReset reset = new PasswordReset(account.get().id(), now, now.plus(ttl));
        em.persist(reset);
        requested.fire(new PasswordResetRequested(reset.id(), account.get().id(), appUrl.getString()));
    }

    /** What a reset mail needs: the link's token, minted now, and whom it goes to. */
    public record IssuedLink(String token, Account account, Instant expiresAt) {
    }

    /**
     * Mints the secret of a reset's link (replacing one an earlier attempt minted), in a
     * transaction of its own that commits before the mail is sent, so the link works as soon as
     * the mail arrives; empty when the reset is used, expired or gone, so no mail is sent for it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<IssuedLink> issue(String resetId) {
        return links.mint(PasswordReset.class, resetId)
                .map(minted -> new IssuedLink(minted.token(), accounts.byId(minted.link().accountId()), minted.link().expiresAt()));
    }

    /** The reset a link stands for, if it may be used now; else the reason it may not. */
    public PasswordReset check(String token) {
        methods.requirePasswords();
        return links.check(PasswordReset.class, token, ResetLinkRefused::of);
    }

    /**
     * Replaces the password through a link: the policy applies, every session of the account ends
     * (their refresh tokens are refused from now on), every other open reset of the account is
     * spent too, and the owner gets a mail.
     */
    public Account complete(String token, String newPassword) {
        methods.requirePasswords();
        PasswordReset reset = check(token);
        Account account = accounts.byId(reset.accountId());
        PasswordPolicy.check("newPassword", newPassword, account.email());
        Instant now = clock.instant();
        account.changePassword(hasher.hash(newPassword), now);
        links.spendOpen(PasswordReset.class, account.id(), now);
        reset.use(now);
        sessions.revokeOthers(account.id(), null, RevokedReason.PASSWORD_CHANGED);
        completed.fire(new PasswordResetCompleted(account.id()));
        return account;
    }
}
