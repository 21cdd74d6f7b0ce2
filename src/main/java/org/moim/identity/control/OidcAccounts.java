package org.moim.identity.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.moim.audit.control.AuditTrail;
import org.moim.audit.entity.AuditAction;
import org.moim.identity.entity.Account;
import org.moim.identity.entity.Account.Language;
import org.moim.identity.entity.OidcHandoff;
import org.moim.identity.entity.OidcIdentity;

/**
 * Whose account a verified ID token is. Known identities by (issuer, subject); else an account
 * with the token's email, linked only when the provider has verified that email; else a new
 * account, provisioned just in time. All in the caller's one transaction: nothing half-way.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OidcAccounts {

    /** How long the browser has to collect its tokens after the callback: it does so at once. */
    static final Duration HANDOFF_TTL = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    SystemAdministrators administrators;

    @Inject
    Clock clock;

    @Inject
    OidcSettings settings;

    @Inject
    AccountStore accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginSessions sessions;

    /**
     * The account the claims sign in, and a one-time code for the browser to collect its tokens
     * with. Its own transaction: the callback asks the provider outside any.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String signIn(JWTClaimsSet claims) {
        Instant now = clock.instant();
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        String email = Emails.normalize(stringClaim(claims, settings.emailClaim()));
        if (email == null || !email.contains("@")) {
            throw OidcRefused.tokenInvalid("it carries no email (claim '" + settings.emailClaim() + "'; is 'email' among the scopes?)");
        }
        List<String> domains = settings.allowedDomains();
        if (!domains.isEmpty() && !domains.contains(email.substring(email.lastIndexOf('@') + 1))) {
            throw OidcRefused.domainNotAllowed();
        }
        Account account = em.createQuery("""
                        select i.account from OidcIdentity i where i.issuer = :issuer and i.subject = :subject""", Account.class)
                .setParameter("issuer", issuer)
                .setParameter("subject", subject)
                .getResultStream().findFirst()
                .orElseGet(() -> link(claims, issuer, subject, email, now));
        em.createQuery("delete from OidcHandoff h where h.expiresAt < :now").setParameter("now", now).executeUpdate();
        String code = Secrets.random();
        em.persist(new OidcHandoff(Secrets.sha256(code), account, now, now.plus(HANDOFF_TTL)));
        return code;
    }

    /** Spends a handoff code for a session, issued exactly as password sign-in issues one. */
    public TokenPair collect(String code, Client client) {
        OidcHandoff handoff = code == null || code.isBlank() ? null : em.find(OidcHandoff.class, Secrets.sha256(code));
        if (handoff == null) {
            throw OidcRefused.handoffInvalid();
        }
        em.remove(handoff);
        if (!handoff.isLive(clock.instant())) {
            throw OidcRefused.handoffInvalid();
        }
        Account account = handoff.account();
        if (account.isDeactivated()) {
            // As password sign-in: a leaver's identity at the provider opens nothing here.
            audit.record(AuditAction.SIGN_IN_REFUSED, new AuditTrail.Actor(account.id(), account.email(), client.ipAddress()),
                    account.id(), "deactivated");
            throw new AccountDeactivated();
        }
        administrators.promoteIfConfigured(account);
        audit.signedIn(account.id(), account.email(), client.ipAddress(), "oidc");
        return sessions.open(account, client);
    }

    private Account link(JWTClaimsSet claims, String issuer, String subject, String email, Instant now) {
        Optional<Account> existing = accounts.byEmail(email);
        Account account;
        if (existing.isPresent()) {
            if (!Boolean.TRUE.equals(booleanClaim(claims, "email_verified"))) {
                throw OidcRefused.emailUnverified();
            }
            account = existing.get();
        } else {
            account = provision(claims, email, now);
        }
        em.persist(new OidcIdentity(issuer, subject, account, now));
        return account;
    }

    private Account provision(JWTClaimsSet claims, String email, Instant now) {
        String name = Optional.ofNullable(stringClaim(claims, settings.nameClaim()))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .orElse(email.substring(0, email.indexOf('@')));
        if (name.length() > DisplayNames.MAX_LENGTH) {
            name = name.substring(0, DisplayNames.MAX_LENGTH).strip();
        }
        // No password anyone knows: a random one, hashed. A password reset can give the account one.
        Account account = new Account(email, hasher.hash(Secrets.random()), name, language(claims), ZoneOffset.UTC, now);
        accounts.add(account);
        return account;
    }

    private Language language(JWTClaimsSet claims) {
        String locale = stringClaim(claims, settings.localeClaim());
        if (locale == null) {
            return Language.EN;
        }
        String tag = Locale.forLanguageTag(locale.replace('_', '-')).getLanguage();
        return "ko".equals(tag) ? Language.KO : Language.EN;
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static Boolean booleanClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getBooleanClaim(name);
        } catch (ParseException e) {
            // Some providers send "true" as a string.
            return "true".equals(String.valueOf(claims.getClaim(name)));
        }
    }
}
