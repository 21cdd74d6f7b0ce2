package org.moim.calendar.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.moim.calendar.entity.CalendarEvent;
import org.moim.calendar.entity.EventTime;

/**
 * A person's feed as an iCalendar object (RFC 5545). Deterministic: DTSTAMP is each item's last
 * change (the feed has no METHOD, so DTSTAMP is "when the information was last revised"), so an
 * unchanged calendar is the same bytes and the same ETag.
 */
final class FeedDocument {

    static final String PRODID = "-//Moim//Calendar//EN";

    private FeedDocument() {
    }

    /**
     * @param baseUrl the server's URL ({@code https://host}, no trailing slash) for links, or null for none
     * @param korean  whether to label due cards in Korean
     */
    static String render(String calendarName, List<CalendarEvent> events, List<CardEntry> cards, String baseUrl, boolean korean) {
        IcsWriter ics = new IcsWriter();
        ics.line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", PRODID)
                .line("CALSCALE", "GREGORIAN")
                .text("X-WR-CALNAME", calendarName)
                .line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
                .line("X-PUBLISHED-TTL", "PT1H");
        if (events.isEmpty() && cards.isEmpty()) {
            // RFC 5545 wants at least one component: an empty calendar carries the (unused) UTC zone.
            ics.line("BEGIN", "VTIMEZONE").line("TZID", "UTC")
                    .line("BEGIN", "STANDARD").line("DTSTART", "19700101T000000")
                    .line("TZOFFSETFROM", "+0000").line("TZOFFSETTO", "+0000").line("TZNAME", "UTC")
                    .line("END", "STANDARD").line("END", "VTIMEZONE");
        }
        for (CalendarEvent event : events) {
            ics.line("BEGIN", "VEVENT")
                    .line("UID", event.id() + "@moim")
                    .utc("DTSTAMP", seconds(event.updatedAt()))
                    .utc("CREATED", seconds(event.createdAt()))
                    .utc("LAST-MODIFIED", seconds(event.updatedAt()))
                    .line("SEQUENCE", String.valueOf(Math.max(0, event.version())));
            EventTime time = event.time();
            if (time instanceof EventTime.AllDay days) {
                ics.date("DTSTART", days.start()).date("DTEND", days.end());
            } else {
                EventTime.Timed timed = (EventTime.Timed) time;
                ics.utc("DTSTART", seconds(timed.start())).utc("DTEND", seconds(timed.end()));
            }
            ics.text("SUMMARY", event.title());
            if (!event.description().isEmpty()) {
                ics.text("DESCRIPTION", event.description());
            }
            if (!event.location().isEmpty()) {
                ics.text("LOCATION", event.location());
            }
            if (baseUrl != null) {
                ics.line("URL", baseUrl + "/" + EventInvitations.link(event));
            }
            ics.line("END", "VEVENT");
        }
        for (CardEntry card : cards) {
            ics.line("BEGIN", "VEVENT")
                    .line("UID", "card-" + card.id() + "@moim")
                    .utc("DTSTAMP", seconds(card.updatedAt()))
                    .utc("LAST-MODIFIED", seconds(card.updatedAt()))
                    .utc("DTSTART", seconds(card.dueAt()))
                    .text("SUMMARY", (korean ? "마감: " : "Due: ") + card.title())
                    .text("DESCRIPTION", card.boardName())
                    .text("CATEGORIES", korean ? "카드" : "Card");
            if (baseUrl != null) {
                ics.line("URL", baseUrl + "/" + card.link());
            }
            ics.line("END", "VEVENT");
        }
        ics.line("END", "VCALENDAR");
        return ics.toString();
    }

    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
