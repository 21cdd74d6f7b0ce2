/**
 * Calendar: workspace events (timed or all-day, with attendees), the date-range view that also
 * shows the cards of the workspace's boards, and each person's private iCalendar feed.
 *
 * <p>Invariants: a timed event has UTC instants and no dates, an all-day event has calendar dates
 * (end exclusive) and no instants, so no time zone ever moves an all-day event to another day; an
 * event ends after it starts. Attendees are members of the event's workspace when they are added.
 * Every use case asks {@link org.moim.calendar.control.CalendarPolicy} first (the matrix is in
 * {@code docs/permissions.md}): not a member or not allowed to see the event is 404, a member whose
 * role lacks the action 403; guests see only events they attend. A feed token is 256 random bits
 * of which only the SHA-256 hash is stored; one feed per account, and rotating or revoking it makes
 * the old URL answer 404 at once.
 */
package org.moim.calendar;
