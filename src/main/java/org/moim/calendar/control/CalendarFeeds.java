package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.CalendarFeed;
import org.moim.identity.control.AccountStore;
import org.moim.identity.entity.Account;
import org.moim.platform.problem.NotFound;
import org.moim.workspace.entity.MemberRole;

/**
 * Each person's iCalendar feed: creating and rotating its secret token, revoking it, and writing
 * the feed for a token. A feed holds the events of the person's current workspaces that they
 * attend (or created, unless a guest there) and the due cards assigned to them on boards they may
 * see, in a fixed number of queries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CalendarFeeds {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    AccountStore accounts;

    @Inject
    CalendarLimits limits;

    @Inject
    CalendarCards cards;

    @Inject
    Clock clock;

    /** A new token (returned once, never stored) with the time it was made. */
    public record Issued(String token, Instant createdAt) {
    }

    /** The feed as served: its iCalendar text and a strong entity tag of it. */
    public record Rendered(String ics, String etag) {
    }

    /** Creates the caller's feed, or rotates it: the old token stops working at once. */
    public Issued issue(String accountId) {
        String token = FeedTokens.newToken();
        Instant now = clock.instant();
        Optional<CalendarFeed> existing = mine(accountId);
        if (existing.isPresent()) {
            existing.get().rotate(FeedTokens.hash(token), now);
        } else {
            em.persist(new CalendarFeed(accounts.byId(accountId), FeedTokens.hash(token), now));
        }
        em.flush();
        return new Issued(token, now);
    }

    public Optional<CalendarFeed> mine(String accountId) {
        return em.createQuery("select f from CalendarFeed f where f.account.id = :account", CalendarFeed.class)
                .setParameter("account", accountId)
                .getResultStream().findFirst();
    }

    /** Revokes the caller's feed; nothing happens when there is none. */
    public void revoke(String accountId) {
        em.createQuery("delete from CalendarFeed f where f.account.id = :account")
                .setParameter("account", accountId)
                .executeUpdate();
    }

    /** The feed's owner, or {@link NotFound} for a malformed, unknown, rotated or revoked token. */
    public Account owner(String token) {
        if (!FeedTokens.wellFormed(token)) {
            throw notFound();
        }
        return em.createQuery("select f from CalendarFeed f join fetch f.account where f.tokenHash = :hash", CalendarFeed.class)
                .setParameter("hash", FeedTokens.hash(token))
                .getResultStream().findFirst()
                .map(CalendarFeed::account)
                .orElseThrow(CalendarFeeds::notFound);
    }

    /** The owner's feed. {@code baseUrl} ({@code https://host}) makes links; null leaves them out. */
    public Rendered render(Account owner, String baseUrl) {
        Instant since = clock.instant().minus(limits.feedPastDays(), ChronoUnit.DAYS);
        List<CalendarEvent> events = events(owner.id(), since);
        List<CardEntry> due = cards.dueFor(owner.id(), since, limits.feedMaxItems());
        String ics = FeedDocument.render("Moim · " + owner.displayName(), events, due, baseUrl,
                owner.language() == Account.Language.KO);
        return new Rendered(ics, etag(ics));
    }

    private List<CalendarEvent> events(String accountId, Instant since) {
        // Day before, so no zone on earth still sees an all-day event that ended as "past" too early.
        LocalDate sinceDay = since.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        return em.createQuery("""
                        select e from CalendarEvent e join fetch e.createdBy, Membership m
                        where m.workspace = e.workspace and m.account.id = :me and e.workspace.deletedAt is null
                        and ((m.role <> :guest and e.createdBy.id = :me)
                          or exists (select x from CalendarEvent a join a.attendeeIds x where a = e and x = :me))
                        and ((e.allDay = false and e.endAt > :since) or (e.allDay = true and e.endDate > :sinceDay))
                        order by e.startAt, e.startDate, e.id""", CalendarEvent.class)
                .setParameter("me", accountId)
                .setParameter("guest", MemberRole.GUEST)
                .setParameter("since", since)
                .setParameter("sinceDay", sinceDay)
                .setMaxResults(limits.feedMaxItems())
                .getResultList();
    }

    static String etag(String ics) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ics.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NotFound notFound() {
        return new NotFound("The calendar feed");
    }
}
