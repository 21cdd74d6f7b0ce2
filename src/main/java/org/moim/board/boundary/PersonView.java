package org.moim.board.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Person;

@Schema(name = "BoardPerson", description = "Someone on a board: account id and display name.")
public record PersonView(String accountId, @Schema(example = "Kim Minji") String displayName) {

    static PersonView from(Person person) {
        return new PersonView(person.accountId(), person.displayName());
    }
}
