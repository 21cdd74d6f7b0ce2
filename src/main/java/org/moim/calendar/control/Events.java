package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;
import org.moim.identity.control.AccountStore;
import org.moim.platform.problem.InvalidField;
import org.moim.workspace.control.StaleVersion;

/** Creating, reading, changing and deleting a workspace's events. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Events {

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    CalendarPolicy policy;

    @Inject
    CalendarLimits limits;

    @Inject
    AccountStore accounts;

    @Inject
    EventInvitations invitations;

    @Inject
    Clock clock;

    /** What a new event or a change says; null fields are absent. */
    public record Draft(String title, String description, String location, Boolean allDay, String start, String end,
                        List<String> attendees) {
    }

    public EventDetails create(String workspaceId, String accountId, Draft draft) {
        CalendarMember member = policy.require(workspaceId, accountId, CalendarAction.CREATE_EVENT);
        String title = limits.title("title", draft.title());
        String description = limits.description("description", draft.description());
        String location = limits.location("location", draft.location());
        EventTime time = EventTimes.of(Boolean.TRUE.equals(draft.allDay()), draft.start(), draft.end());
        Map<String, Person> attendees = members(member, limits.attendees("attendees", draft.attendees()));
        Instant now = clock.instant();
        CalendarEvent event = new CalendarEvent(member.workspace(), accounts.byId(accountId), title, description, location, time, now);
        Set<String> invited = event.replaceAttendees(attendees.keySet(), now);
        em.persist(event);
        em.flush();
        invitations.invited(event, accountId, invited);
        return details(member, event, attendees.values());
    }

    public EventDetails get(String workspaceId, String accountId, String eventId) {
        CalendarMember member = policy.require(workspaceId, accountId, CalendarAction.VIEW_CALENDAR);
        CalendarEvent event = policy.visibleEvent(member, eventId);
        return details(member, event, attendeesOf(List.of(event)).getOrDefault(event.id(), List.of()));
    }

    /**
     * Changes the fields given (a blank description or location clears it; attendees, when given,
     * replace the list). With {@code expectedVersion}, refuses with {@link StaleVersion} if the
     * event changed since.
     */
    public EventDetails update(String workspaceId, String accountId, String eventId, Long expectedVersion, Draft draft) {
        CalendarMember member = policy.require(workspaceId, accountId, CalendarAction.VIEW_CALENDAR);
        CalendarEvent event = policy.visibleEvent(member, eventId);
        policy.requireEdit(member, event);
        if (expectedVersion != null && expectedVersion != event.version()) {
            throw new StaleVersion(event.version());
        }
        Instant now = clock.instant();
        if (draft.title() != null) {
            event.retitle(limits.title("title", draft.title()), now);
        }
        if (draft.description() != null) {
            event.describe(limits.description("description", draft.description()), now);
        }
        if (draft.location() != null) {
            event.relocate(limits.location("location", draft.location()), now);
        }
        if (draft.allDay() != null || draft.start() != null || draft.end() != null) {
            EventTime time = EventTimes.change(event.time(), draft.allDay(), draft.start(), draft.end());
            if (!time.equals(event.time())) {
                event.reschedule(time, now);
            }
        }
        Collection<Person> attendees;
        Set<String> invited = Set.of();
        if (draft.attendees() != null) {
            Map<String, Person> named = members(member, limits.attendees("attendees", draft.attendees()));
            invited = event.replaceAttendees(named.keySet(), now);
            attendees = named.values();
        } else {
            attendees = attendeesOf(List.of(event)).getOrDefault(event.id(), List.of());
        }
        em.flush();
        invitations.invited(event, accountId, invited);
        return details(member, event, attendees);
    }

    public void delete(String workspaceId, String accountId, String eventId, Long expectedVersion) {
        CalendarMember member = policy.require(workspaceId, accountId, CalendarAction.VIEW_CALENDAR);
        CalendarEvent event = policy.visibleEvent(member, eventId);
        policy.requireDelete(member, event);
        if (expectedVersion != null && expectedVersion != event.version()) {
            throw new StaleVersion(event.version());
        }
        em.remove(event);
        em.flush();
    }

    EventDetails details(CalendarMember member, CalendarEvent event, Collection<Person> attendees) {
        List<Person> sorted = attendees.stream()
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::accountId))
                .toList();
        Person creator = new Person(event.createdBy().id(), event.createdBy().displayName());
        return new EventDetails(event, sorted, creator, policy.mayEdit(member, event), policy.mayDelete(member, event));
    }

    /** The attendees of these events by name, in one query, keyed by event id. */
    Map<String, List<Person>> attendeesOf(Collection<CalendarEvent> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("""
                        select e.id, a.id, a.displayName from CalendarEvent e join e.attendeeIds x, Account a
                        where a.id = x and e.id in :ids""", Object[].class)
                .setParameter("ids", events.stream().map(CalendarEvent::id).toList())
                .getResultList();
        Map<String, List<Person>> byEvent = new HashMap<>();
        for (Object[] row : rows) {
            byEvent.computeIfAbsent((String) row[0], id -> new java.util.ArrayList<>()).add(new Person((String) row[1], (String) row[2]));
        }
        return byEvent;
    }

    /** The named accounts, each of which must be a member of the workspace (one query). */
    private Map<String, Person> members(CalendarMember member, List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Person> found = em.createQuery("""
                        select m.account.id, m.account.displayName from Membership m
                        where m.workspace = :workspace and m.account.id in :ids""", Object[].class)
                .setParameter("workspace", member.workspace())
                .setParameter("ids", accountIds)
                .getResultStream()
                .map(row -> new Person((String) row[0], (String) row[1]))
                .collect(Collectors.toMap(Person::accountId, Function.identity()));
        for (int i = 0; i < accountIds.size(); i++) {
            if (!found.containsKey(accountIds.get(i))) {
                throw new InvalidField("attendees[" + i + "]", "is not a member of this workspace");
            }
        }
        Map<String, Person> ordered = new java.util.LinkedHashMap<>();
        accountIds.forEach(id -> ordered.put(id, found.get(id)));
        return ordered;
    }
}
