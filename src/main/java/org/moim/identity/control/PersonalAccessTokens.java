package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.Optional;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.entity.AuditAction;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.PersonalAccessToken;
import org.moim.platform.persistence.Cursor;
import org.moim.platform.persistence.Keyset;
import org.moim.platform.persistence.Page;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;
import org.moim.platform.problem.ProblemException;
import org.moim.platform.problem.ProblemType;
import org.moim.platform.security.TokenDenyList;
import org.moim.platform.security.TokenScope;

/**
 * Personal access tokens: made (the secret is shown once), listed, revoked, and resolved when a
 * request presents one. A token is {@code moim_pat_} and 43 base64url characters (256 random
 * bits); only its SHA-256 is stored, as for refresh tokens (a secret that long needs no slow hash).
 *
 * <p>Revoking checks the database and also puts the token on the shared deny-list, which closes
 * its WebSocket connections on every node. Resolving reads one row; the last-used time is written
 * only when the stored one is older than {@code moim.tokens.last-used-resolution}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalAccessTokens {

    public static final String PREFIX = "moim_pat_";
    /** The {@code sid} (and {@code jti}) of everything a token authenticates: revoking it denies them. */
    public static final String SESSION_PREFIX = "pat-";
    static final int MAX_NAME = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    TokenDenyList denyList;

    @Inject
    @ConfigProperty(name = "moim.tokens.max-lifetime", defaultValue = "P365D")
    Duration maxLifetime;

    @Inject
    @ConfigProperty(name = "moim.tokens.max-per-account", defaultValue = "50")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "moim.tokens.last-used-resolution", defaultValue = "PT1M")
    Duration lastUsedResolution;

    /** A token just made: the only time its secret is known. */
    public record Created(PersonalAccessToken token, String secret) {
    }

    /** Who a presented token stands for, and what it may do. */
    public record Resolved(String tokenId, String accountId, Set<TokenScope> scopes, Instant expiresAt, boolean bot) {
    }

    /**
     * Makes a token for {@code account}, asked by {@code createdBy} (the account itself, or an
     * admin of a bot's workspace). {@code allowed} are the scopes this kind of account may hold.
     */
    public Created create(Account account, String createdBy, String name, List<String> scopeNames, Integer expiresInDays,
                          Set<TokenScope> allowed) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw new InvalidField("name", "must be 1 to " + MAX_NAME + " characters");
        }
        Set<TokenScope> scopes = scopes(scopeNames, allowed);
        long maxDays = maxLifetime.toDays();
        if (expiresInDays == null || expiresInDays < 1 || expiresInDays > maxDays) {
            throw new InvalidField("expiresInDays", "must be 1 to " + maxDays);
        }
        Instant now = clock.instant();
        long active = em.createQuery("""
                        select count(t) from PersonalAccessToken t
                        where t.account = :account and t.revokedAt is null and t.expiresAt > :now""", Long.class)
                .setParameter("account", account)
                .setParameter("now", now)
                .getSingleResult();
        if (active >= maxPerAccount) {
            throw new ProblemException(ProblemType.CONFLICT, "An account holds at most " + maxPerAccount
                    + " usable tokens; revoke one first.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PersonalAccessToken token = new PersonalAccessToken(account, trimmed, hash(secret), secret.substring(secret.length() - 4),
                TokenScope.format(scopes), createdBy, now, now.plus(Duration.ofDays(expiresInDays)));
        em.persist(token);
        audit.record(AuditAction.TOKEN_CREATED, new AuditTrail.Actor(createdBy, null, null), account.id(),
                token.id() + " " + TokenScope.format(scopes));
        return new Created(token, secret);
    }

    private static Set<TokenScope> scopes(List<String> names, Set<TokenScope> allowed) {
        if (names == null || names.isEmpty()) {
            throw new InvalidField("scopes", "name at least one scope");
        }
        Set<TokenScope> scopes = new java.util.TreeSet<>();
        for (String name : names) {
            TokenScope scope = TokenScope.of(name).filter(allowed::contains).orElseThrow(() -> new InvalidField("scopes",
                    "'" + name + "' is not one of " + allowed.stream().sorted().map(TokenScope::value).toList()));
            scopes.add(scope);
        }
        return scopes;
    }

    /** The account's tokens, newest first, revoked and expired ones included (one statement). */
    public Page<PersonalAccessToken> page(String accountId, int limit, String cursor) {
        Keyset keyset = Keyset.newestFirst("t.createdAt", "t.id", limit, cursor);
        return keyset.page(em.createQuery("select t from PersonalAccessToken t where t.account.id = :account"
                        + keyset.and() + keyset.orderBy(), PersonalAccessToken.class)
                .setParameter("account", accountId), t -> new Cursor(t.createdAt(), t.id()));
    }

    /** Revokes one of the account's tokens, asked by {@code byAccountId}; someone else's (or an unknown id) is 404. */
    public PersonalAccessToken revoke(String accountId, String tokenId, String byAccountId) {
        PersonalAccessToken token = tokenId == null || tokenId.length() > 36 ? null : em.find(PersonalAccessToken.class, tokenId);
        if (token == null || !token.account().id().equals(accountId)) {
            throw new NotFound("The token");
        }
        token.revoke(clock.instant());
        denyList.denySession(SESSION_PREFIX + token.id());
        audit.record(AuditAction.TOKEN_REVOKED, new AuditTrail.Actor(byAccountId, null, null), accountId, token.id());
        return token;
    }

    /** Revokes every token of the account (a bot removed), denying each on every node. */
    public void revokeAll(String accountId) {
        List<PersonalAccessToken> live = em.createQuery(
                        "select t from PersonalAccessToken t where t.account.id = :account and t.revokedAt is null", PersonalAccessToken.class)
                .setParameter("account", accountId)
                .getResultList();
        for (PersonalAccessToken token : live) {
            token.revoke(clock.instant());
            denyList.denySession(SESSION_PREFIX + token.id());
        }
    }

    /**
     * The token a request presents, if it is one Moim made and may still be used: one read, and
     * a write of the last-used time at most once per resolution.
     */
    public Optional<Resolved> resolve(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<PersonalAccessToken> found = em.createQuery(
                        "select t from PersonalAccessToken t join fetch t.account where t.tokenHash = :hash",
                        PersonalAccessToken.class)
                .setParameter("hash", hash(presented))
                .getResultList();
        if (found.isEmpty() || !found.get(0).isUsableAt(now)) {
            return Optional.empty();
        }
        PersonalAccessToken token = found.get(0);
        Instant since = now.minus(lastUsedResolution);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(since)) {
            // A bulk update: no version check, so it never conflicts with a revocation.
            em.createQuery("""
                            update PersonalAccessToken t set t.lastUsedAt = :now
                            where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :since)""")
                    .setParameter("now", now)
                    .setParameter("id", token.id())
                    .setParameter("since", since)
                    .executeUpdate();
        }
        return Optional.of(new Resolved(token.id(), token.account().id(), TokenScope.parse(token.scopes()), token.expiresAt(),
                token.account().isBot()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
