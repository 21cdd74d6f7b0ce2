package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;
import org.moim.notification.entity.ReminderSent;

/**
 * {@value #KIND}: the attendees of a timed event are reminded {@code moim.reminders.event-before}
 * (default 15 minutes) before it starts, once for that start; a moved event reminds again. Only
 * attendees still in the (live) workspace are told. All-day events are not reminded. Runs on one
 * node (calendar.boundary.EventReminderSchedule).
 */
@ApplicationScoped
public class EventReminders {

    public static final String KIND = "event.reminder";
    static final int BATCH = 100;
    static final String SUBJECT = "event";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Inbox inbox;

    @Inject
    @ConfigProperty(name = "moim.reminders.event-before", defaultValue = "PT15M")
    Duration before;

    /** Reminds of the events starting soon that were not reminded of for their start; answers how many events. */
    @Transactional(TxType.REQUIRES_NEW)
    public int remind() {
        Instant now = clock.instant();
        List<CalendarEvent> soon = em.createQuery("""
                        select e from CalendarEvent e join fetch e.workspace w
                        where e.allDay = false and e.startAt > :now and e.startAt <= :until and w.deletedAt is null
                          and not exists (select r.key from ReminderSent r
                                          where r.subjectType = 'event' and r.subjectId = e.id and r.dueAt = e.startAt)
                        order by e.startAt""", CalendarEvent.class)
                .setParameter("now", now)
                .setParameter("until", now.plus(before))
                .setMaxResults(BATCH)
                .getResultList();
        if (soon.isEmpty()) {
            return 0;
        }
        // Attendees who are members of the event's workspace, for every event in one query.
        Map<String, Set<String>> attendees = new HashMap<>();
        em.createQuery("""
                        select e.id, a from CalendarEvent e join e.attendeeIds a, Membership m
                        where e.id in :ids and m.workspace = e.workspace and m.account.id = a""", Object[].class)
                .setParameter("ids", soon.stream().map(CalendarEvent::id).toList())
                .getResultList()
                .forEach(row -> attendees.computeIfAbsent((String) row[0], k -> new LinkedHashSet<>()).add((String) row[1]));
        for (CalendarEvent event : soon) {
            Instant start = ((EventTime.Timed) event.time()).start();
            em.persist(new ReminderSent(SUBJECT, event.id(), start, now));
            Set<String> told = attendees.getOrDefault(event.id(), Set.of());
            if (!told.isEmpty()) {
                // One delivery per event (its own title and link): at most BATCH per run.
                inbox.deliver(new NotificationDraft(KIND, null, event.workspace().id(), "event", event.id(),
                        Map.of("event", event.title(), "startAt", start.toString()), EventInvitations.when(event.time()),
                        EventInvitations.link(event)), told);
            }
        }
        em.flush();   // a reminder another run recorded first fails here: this run sends nothing
        return soon.size();
    }
}
