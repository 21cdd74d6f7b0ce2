package org.moim.calendar.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moim.workspace.entity.MemberRole;

class CalendarActionTest {

    /** The matrix written out once more, so that a change to the enum is a deliberate one. */
    private static final Map<CalendarAction, Set<MemberRole>> EXPECTED = Map.of(
            CalendarAction.VIEW_CALENDAR, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST),
            CalendarAction.VIEW_ALL_EVENTS, EnumSet.of(OWNER, MANAGER, MEMBER),
            CalendarAction.CREATE_EVENT, EnumSet.of(OWNER, MANAGER, MEMBER),
            CalendarAction.EDIT_OWN_EVENT, EnumSet.of(OWNER, MANAGER, MEMBER),
            CalendarAction.EDIT_ANY_EVENT, EnumSet.of(OWNER, MANAGER),
            CalendarAction.DELETE_OWN_EVENT, EnumSet.of(OWNER, MANAGER, MEMBER),
            CalendarAction.DELETE_ANY_EVENT, EnumSet.of(OWNER, MANAGER));

    @Test
    void everyRoleIsAllowedExactlyTheActionsOfTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(CalendarAction.values());
        for (CalendarAction action : CalendarAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                assertThat(action.allows(role)).as("%s may %s", role, action).isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void guestsOnlyLookAtTheirOwnEvents() {
        assertThat(Arrays.stream(CalendarAction.values()).filter(a -> a.allows(GUEST))).containsExactly(CalendarAction.VIEW_CALENDAR);
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        String calendar = doc.substring(doc.indexOf("## Calendar"));
        assertThat(calendar).contains("| calendar action | OWNER | MANAGER | MEMBER | GUEST |");
        for (CalendarAction action : CalendarAction.values()) {
            String row = calendar.lines().filter(l -> l.startsWith("| `" + action.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("docs/permissions.md has a calendar row for %s", action).isNotNull();
            String[] cells = row.split("\\|", -1);
            Set<MemberRole> documented = Arrays.stream(MemberRole.values())
                    .filter(role -> cells[2 + role.ordinal()].contains("✔"))
                    .collect(Collectors.toSet());
            assertThat(documented).as("documented roles for %s", action).isEqualTo(action.roles());
        }
    }
}
