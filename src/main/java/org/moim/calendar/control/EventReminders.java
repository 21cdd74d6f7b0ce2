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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * (default 15 minutes) before it starts, once for that start; a moved event reminds again. The
 * attendees of an all-day event are reminded on its first day at {@code moim.reminders.all-day-at}
 * (default 09:00) in their own time zone, or later that day if no node ran then, once per
 * moment (attendees whose 09:00 is the same instant share it). Only attendees still in the (live)
 * workspace are told. Runs on one node (calendar.boundary.EventReminderSchedule).
 */
@ApplicationScoped
public class EventReminders {

    public static final String KIND = "event.reminder";
    static final int BATCH = 100;
    static final String SUBJECT = "event";
    /** All-day events' reminders: one per event and moment (09:00 in a time zone of its attendees). */
    static final String DAY_SUBJECT = "event-day";

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Inbox inbox;

    @Inject
    @ConfigProperty(name = "moim.reminders.event-before", defaultValue = "PT15M")
    Duration before;

    @Inject
    @ConfigProperty(name = "moim.reminders.all-day-at", defaultValue = "09:00")
    LocalTime allDayAt;

    /** Reminds of the events starting soon, and of today's all-day events, that were not reminded of yet; answers how many reminders. */
    @Transactional(TxType.REQUIRES_NEW)
    public int remind() {
        Instant now = clock.instant();
        return remindTimed(now) + remindAllDay(now);
    }

    private int remindTimed(Instant now) {
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

    /**
     * All-day events whose first day has reached {@link #allDayAt} for some attendee and not ended
     * for them. Every time zone is within a day of UTC, so the events starting yesterday, today or
     * tomorrow (UTC dates) are read with their attendees' zones in one query, the reminders already
     * sent in another; then one insert and one delivery per new moment.
     */
    private int remindAllDay(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Object[]> rows = em.createQuery("""
                        select e, m.account.id, m.account.timeZone from CalendarEvent e join e.attendeeIds a, Membership m
                        where e.allDay = true and e.startDate between :from and :to and e.workspace.deletedAt is null
                          and m.workspace = e.workspace and m.account.id = a
                        order by e.startDate, e.id""", Object[].class)
                .setParameter("from", today.minusDays(1))
                .setParameter("to", today.plusDays(1))
                .getResultList();
        // Per event, the attendees due now, by the moment they are reminded at.
        Map<CalendarEvent, Map<Instant, Set<String>>> due = new LinkedHashMap<>();
        for (Object[] row : rows) {
            CalendarEvent event = (CalendarEvent) row[0];
            LocalDate day = ((EventTime.AllDay) event.time()).start();
            ZoneId zone = zone((String) row[2]);
            Instant remindAt = day.atTime(allDayAt).atZone(zone).toInstant();
            Instant dayEnds = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (!now.isBefore(remindAt) && now.isBefore(dayEnds)) {
                due.computeIfAbsent(event, e -> new HashMap<>()).computeIfAbsent(remindAt, at -> new LinkedHashSet<>()).add((String) row[1]);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        List<String> keys = new ArrayList<>();
        due.forEach((event, moments) -> moments.keySet().forEach(at -> keys.add(ReminderSent.keyOf(DAY_SUBJECT, event.id(), at))));
        Set<String> sent = new HashSet<>(em.createQuery("select r.key from ReminderSent r where r.key in :keys", String.class)
                .setParameter("keys", keys).getResultList());
        int reminded = 0;
        for (var byEvent : due.entrySet()) {
            CalendarEvent event = byEvent.getKey();
            for (var moment : byEvent.getValue().entrySet()) {
                if (sent.contains(ReminderSent.keyOf(DAY_SUBJECT, event.id(), moment.getKey()))) {
                    continue;
                }
                em.persist(new ReminderSent(DAY_SUBJECT, event.id(), moment.getKey(), now));
                inbox.deliver(new NotificationDraft(KIND, null, event.workspace().id(), "event", event.id(),
                        Map.of("event", event.title(), "variant", "all-day"), EventInvitations.when(event.time()),
                        EventInvitations.link(event)), moment.getValue());
                reminded++;
            }
        }
        em.flush();   // as above: a moment another run recorded first fails here
        return reminded;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
