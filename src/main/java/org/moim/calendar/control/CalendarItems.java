package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;
import org.moim.identity.control.AccountStore;

/**
 * What a workspace's calendar shows in a range: its events (all of them, or for a guest those they
 * attend) and the cards with start or due dates on boards the caller may see. A fixed number of
 * queries whatever the range holds.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CalendarItems {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    CalendarPolicy policy;

    @Inject
    CalendarLimits limits;

    @Inject
    Events events;

    @Inject
    CalendarCards cards;

    @Inject
    AccountStore accounts;

    /** The events and cards of a range, each list sorted by start; {@code truncated} when either held more than the limit. */
    public record Slice(CalendarRange range, List<EventDetails> events, List<CardEntry> cards, boolean truncated) {
    }

    /** {@code tz} null: the caller's profile time zone. */
    public Slice between(String workspaceId, String accountId, String from, String to, String tz) {
        CalendarMember member = policy.require(workspaceId, accountId, CalendarAction.VIEW_CALENDAR);
        CalendarRange range = CalendarRange.parse(from, to, tz,
                tz == null || tz.isBlank() ? accounts.byId(accountId).timeZone() : null, limits.maxRangeDays());
        int max = limits.maxItems();
        List<CalendarEvent> found = events(member, range, max + 1);
        List<CardEntry> cardsFound = cards.inRange(member, range, max + 1);
        boolean truncated = found.size() > max || cardsFound.size() > max;
        List<CalendarEvent> kept = found.stream()
                .sorted(Comparator.comparing((CalendarEvent e) -> startOf(e, range)).thenComparing(CalendarEvent::title))
                .limit(max)
                .toList();
        Map<String, List<Person>> attendees = events.attendeesOf(kept);
        List<EventDetails> details = new ArrayList<>(kept.size());
        for (CalendarEvent event : kept) {
            details.add(events.details(member, event, attendees.getOrDefault(event.id(), List.of())));
        }
        return new Slice(range, details, cardsFound.stream().limit(max).toList(), truncated);
    }

    private List<CalendarEvent> events(CalendarMember member, CalendarRange range, int limit) {
        boolean all = member.may(CalendarAction.VIEW_ALL_EVENTS);
        TypedQuery<CalendarEvent> query = em.createQuery("""
                        select e from CalendarEvent e join fetch e.createdBy
                        where e.workspace = :workspace
                        and ((e.allDay = false and e.startAt < :to and e.endAt > :from)
                          or (e.allDay = true and e.startDate < :endDay and e.endDate > :firstDay))"""
                        + (all ? "" : " and exists (select x from CalendarEvent a join a.attendeeIds x where a = e and x = :me)")
                        + " order by e.startAt, e.startDate, e.id", CalendarEvent.class)
                .setParameter("workspace", member.workspace())
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .setParameter("firstDay", range.firstDay())
                .setParameter("endDay", range.endDay())
                .setMaxResults(limit);
        if (!all) {
            query.setParameter("me", member.accountId());
        }
        return query.getResultList();
    }

    /** Where an event starts for sorting: all-day events at the start of their first day in the range's zone. */
    static Instant startOf(CalendarEvent event, CalendarRange range) {
        EventTime time = event.time();
        return time instanceof EventTime.AllDay days ? days.start().atStartOfDay(range.zone()).toInstant()
                : ((EventTime.Timed) time).start();
    }
}
