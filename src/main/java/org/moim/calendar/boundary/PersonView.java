package org.moim.calendar.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.calendar.control.Person;

@Schema(name = "CalendarPerson", description = "An attendee or the creator of an event.")
public record PersonView(String accountId, String displayName) {

    static PersonView from(Person person) {
        return new PersonView(person.accountId(), person.displayName());
    }
}
