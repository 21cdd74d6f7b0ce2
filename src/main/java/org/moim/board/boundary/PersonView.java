package org.moim.board.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.moim.board.control.Person;
import org.moim.platform.persistence.Page;

@Schema(name = "BoardPerson", description = "Someone on a board: account id and display name.")
public record PersonView(String accountId, @Schema(example = "Kim Minji") String displayName) {

    static PersonView from(Person person) {
        return new PersonView(person.accountId(), person.displayName());
    }

    @JsonbNillable
    @Schema(name = "BoardPersonPage", description = "One page of people by name; pass nextCursor as ?cursor= for the next one (null on the last page).")
    public record PageView(@Schema(type = SchemaType.ARRAY, implementation = PersonView.class) List<PersonView> items, String nextCursor) {
        static PageView from(Page<Person> page) {
            return new PageView(page.items().stream().map(PersonView::from).toList(), page.nextCursor());
        }
    }
}
