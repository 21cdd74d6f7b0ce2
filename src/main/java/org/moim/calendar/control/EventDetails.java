package org.moim.calendar.control;

import java.util.List;
import org.moim.calendar.entity.CalendarEvent;

/** An event with what the caller sees around it: attendees by name, the creator, what the caller may do. */
public record EventDetails(CalendarEvent event, List<Person> attendees, Person creator, boolean canEdit, boolean canDelete) {
}
