package org.moim.calendar.control;

/** Someone named on an event: attendee or creator. */
public record Person(String accountId, String displayName) {
}
