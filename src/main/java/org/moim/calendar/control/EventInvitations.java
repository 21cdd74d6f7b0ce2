package org.moim.calendar.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;
import org.moim.identity.control.AccountStore;
import org.moim.notification.control.Inbox;
import org.moim.notification.entity.NotificationDraft;

/**
 * Tells people they were added to an event: one {@value #KIND} notification each, in the same
 * transaction as the change, never to the one who added them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EventInvitations {

    public static final String KIND = "event.invited";

    @Inject
    Inbox inbox;

    @Inject
    AccountStore accounts;

    public void invited(CalendarEvent event, String actorId, Set<String> accountIds) {
        if (accountIds.isEmpty() || Set.of(actorId).containsAll(accountIds)) {
            return;
        }
        String actor = accounts.byId(actorId).displayName();
        inbox.deliver(new NotificationDraft(KIND, actorId, event.workspace().id(), "event", event.id(),
                Map.of("actor", actor, "event", event.title()), when(event.time()), link(event)), accountIds);
    }

    /** When, in words that need no time zone: UTC for timed events, dates for all-day ones. */
    static String when(EventTime time) {
        if (time instanceof EventTime.AllDay days) {
            return days.end().equals(days.start().plusDays(1)) ? days.start() + " (all day)"
                    : days.start() + " – " + days.end().minusDays(1) + " (all day)";
        }
        EventTime.Timed timed = (EventTime.Timed) time;
        return timed.start().toString().replace('T', ' ').replace("Z", " UTC") + " – "
                + timed.end().toString().replace('T', ' ').replace("Z", " UTC");
    }

    /** The browser route of an event. */
    public static String link(CalendarEvent event) {
        return "#/w/" + event.workspace().id() + "/calendar?event=" + event.id();
    }
}
