package org.moim.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.moim.identity.entity.SingleUseLink;
import org.moim.identity.entity.SingleUseLink.Refusal;

/**
 * Mints, checks and spends {@link SingleUseLink}s, whatever their kind. A link's token is
 * {@code <link id, 32 hex>.<secret, 43 base64url>}: 256 random bits minted when its mail is sent,
 * of which only the SHA-256 is stored. Checking hashes the secret and compares it in constant time,
 * also when there is no such link (against a hash nothing matches), so neither the answer nor its
 * time tells a forged secret from an unknown id. The caller turns a {@link Refusal} into its own
 * problem (verification and reset links each have their problem types).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SingleUseLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WHOLE = Pattern.compile("[0-9a-f]{32}\\.[A-Za-z0-9_-]{43}");
    /** What a link looks like when the end of it was lost (a mail client that wrapped it, a partial copy). */
    private static final Pattern CUT_SHORT = Pattern.compile("[0-9a-f]{0,32}(\\.[A-Za-z0-9_-]{0,42})?");
    /** Compared with when there is no link: no secret hashes to it. */
    private static final byte[] NO_HASH = "-".repeat(64).getBytes(StandardCharsets.US_ASCII);

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    /** A link's token, minted now, with the link. */
    public record Minted<T extends SingleUseLink>(T link, String token) {
    }

    /** A token taken apart: the link's id (a UUID) and its secret. */
    record Token(String linkId, String secret) {
    }

    /**
     * Mints the secret of a link (replacing one minted before); empty when the link is used,
     * expired or gone, so no mail is sent for it.
     */
    public <T extends SingleUseLink> Optional<Minted<T>> mint(Class<T> type, String linkId) {
        T link = em.find(type, linkId);
        if (link == null || !link.open(clock.instant())) {
            return Optional.empty();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        link.issue(LoginSessions.hash(secretText));
        return Optional.of(new Minted<>(link, link.id().replace("-", "") + "." + secretText));
    }

    /** The link a token stands for, if it may be used now; else {@code refused} of the reason it may not. */
    public <T extends SingleUseLink> T check(Class<T> type, String token, Function<Refusal, ? extends RuntimeException> refused) {
        Token parts = parse(token).orElseThrow(() -> refused.apply(refusalOfMalformed(token)));
        String hash = LoginSessions.hash(parts.secret());
        T link = em.find(type, parts.linkId());
        Optional<Refusal> refusal = link == null ? unknown(hash) : link.refusal(hash, clock.instant());
        if (refusal.isPresent()) {
            throw refused.apply(refusal.get());
        }
        return link;
    }

    /** Spends every open link of that kind the account has (when one of them was used). */
    public void spendOpen(Class<? extends SingleUseLink> type, String accountId, Instant now) {
        String entity = em.getMetamodel().entity(type).getName();
        em.createQuery("select l from " + entity + " l where l.accountId = :account and l.usedAt is null", type)
                .setParameter("account", accountId)
                .getResultList()
                .forEach(open -> open.use(now));
    }

    /** No such link: the same constant-time comparison a stored hash gets, then "not valid". */
    private static Optional<Refusal> unknown(String hash) {
        MessageDigest.isEqual(NO_HASH, hash.getBytes(StandardCharsets.US_ASCII));
        return Optional.of(Refusal.INVALID);
    }

    /** The token's link id and secret; empty when it is not shaped like a whole token. */
    static Optional<Token> parse(String token) {
        String text = token == null ? "" : token.strip();
        if (!WHOLE.matcher(text).matches()) {
            return Optional.empty();
        }
        String hex = text.substring(0, 32);
        return Optional.of(new Token(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20), text.substring(33)));
    }

    /** Why a token that is not whole is refused: cut short, or not a link at all. */
    static Refusal refusalOfMalformed(String token) {
        String text = token == null ? "" : token.strip();
        return CUT_SHORT.matcher(text).matches() ? Refusal.INCOMPLETE : Refusal.INVALID;
    }
}
