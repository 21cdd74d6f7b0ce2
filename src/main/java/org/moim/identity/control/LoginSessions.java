package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.LoginSession;
import org.moim.identity.entity.LoginSession.RevokedReason;
import org.moim.identity.entity.RefreshToken;
import org.moim.platform.problem.NotFound;
import org.moim.platform.security.RateLimiter;
import org.moim.platform.security.TokenDenyList;

/**
 * Sign-in sessions and their refresh tokens. Every refresh spends the presented token and hands
 * out a new one; a token presented a second time means it was copied, so the whole session ends
 * (and its live access token is denied on every node).
 */
@ApplicationScoped
// A replayed refresh token ends its session although the refresh fails: that must commit.
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = InvalidRefreshToken.class)
public class LoginSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccessTokens accessTokens;

    @Inject
    TokenDenyList denyList;

    @Inject
    RateLimiter limiter;

    @Inject
    RateLimits limits;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "moim.auth.refresh-token-ttl", defaultValue = "P14D")
    Duration refreshTtl;

    /** Starts a session for an account that has just proven who it is. */
    public TokenPair open(Account account, Client client) {
        Instant now = clock.instant();
        LoginSession session = new LoginSession(account, client.userAgent(), client.ipAddress(), now, now.plus(refreshTtl));
        em.persist(session);
        return issue(session, client, now);
    }

    /** Spends a refresh token for a new pair. A replayed token ends its session. */
    public TokenPair refresh(String refreshToken, Client client) {
        limiter.acquire(limits.refreshPerAddress(), client.ipAddress());
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidRefreshToken();
        }
        String hash = hash(refreshToken);
        Instant now = clock.instant();
        List<RefreshToken> found = em.createQuery(
                        "select t from RefreshToken t join fetch t.session s join fetch s.account where t.tokenHash = :hash",
                        RefreshToken.class)
                .setParameter("hash", hash)
                .getResultList();
        if (found.isEmpty()) {
            throw new InvalidRefreshToken();
        }
        LoginSession session = found.get(0).session();
        // Refreshes of one session take turns: of two uses of the same token, the second sees it spent.
        em.lock(session, LockModeType.PESSIMISTIC_WRITE);
        if (!session.isActive(now) || session.account().isDeactivated()) {
            throw new InvalidRefreshToken();
        }
        int spent = em.createQuery("update RefreshToken t set t.usedAt = :now where t.tokenHash = :hash and t.usedAt is null")
                .setParameter("now", now)
                .setParameter("hash", hash)
                .executeUpdate();
        if (spent == 0) {
            end(session, RevokedReason.REFRESH_TOKEN_REUSE, now);
            audit.record(AuditAction.REFRESH_TOKEN_REUSED, new AuditTrail.Actor(null, null, client.ipAddress()),
                    session.account().id(), "session " + session.id() + " ended");
            throw new InvalidRefreshToken();
        }
        return issue(session, client, now);
    }

    /** Ends the caller's own session and denies the access token it signed out with. */
    public void logout(String accountId, String sessionId, String accessJti, String address) {
        denyList.denyToken(accessJti);
        audit.record(AuditAction.SIGN_OUT, new AuditTrail.Actor(accountId, null, address), accountId, null);
        if (sessionId != null) {
            LoginSession session = em.find(LoginSession.class, sessionId);
            if (session != null && session.account().id().equals(accountId)) {
                end(session, RevokedReason.LOGOUT, clock.instant());
            }
        }
    }

    /** The account's sessions that can still refresh, most recently used first. */
    public List<LoginSession> active(String accountId) {
        return em.createQuery("""
                        select s from LoginSession s
                        where s.account.id = :account and s.revokedAt is null and s.expiresAt > :now
                        order by s.lastUsedAt desc""", LoginSession.class)
                .setParameter("account", accountId)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /** Ends one of the account's sessions; someone else's session id is simply not found. */
    public void revoke(String accountId, String sessionId) {
        LoginSession session = em.find(LoginSession.class, sessionId);
        if (session == null || !session.account().id().equals(accountId)) {
            throw new NotFound("The session");
        }
        end(session, RevokedReason.REVOKED_BY_USER, clock.instant());
    }

    /** Ends every session of the account except {@code keepSessionId}. */
    public int revokeOthers(String accountId, String keepSessionId, RevokedReason reason) {
        Instant now = clock.instant();
        int ended = 0;
        for (LoginSession session : active(accountId)) {
            if (!session.id().equals(keepSessionId)) {
                end(session, reason, now);
                ended++;
            }
        }
        return ended;
    }

    private void end(LoginSession session, RevokedReason reason, Instant now) {
        denyList.denySession(session.id());
        session.revoke(reason, now);
    }

    private TokenPair issue(LoginSession session, Client client, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.persist(new RefreshToken(hash(refreshToken), session, now));
        AccessTokens.Issued access = accessTokens.issue(session.account().id(), session.id());
        session.refreshed(now.plus(refreshTtl), client.userAgent(), client.ipAddress(), now);
        return new TokenPair(access.token(), refreshToken, access.expiresIn(), session.id());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
