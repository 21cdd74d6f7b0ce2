package org.moim.board.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.workspace.entity.MemberRole.GUEST;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.MEMBER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moim.workspace.entity.MemberRole;

class BoardActionTest {

    /** The matrix written out once more, so that a change to the enum is a deliberate one. */
    private static final Map<BoardAction, Set<MemberRole>> EXPECTED = Map.ofEntries(
            Map.entry(BoardAction.LIST_BOARDS, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(BoardAction.CREATE_BOARD, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(BoardAction.VIEW_BOARD, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(BoardAction.UPDATE_BOARD, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(BoardAction.DELETE_BOARD, EnumSet.of(OWNER, MANAGER)),
            Map.entry(BoardAction.MANAGE_BOARD_MEMBERS, EnumSet.of(OWNER, MANAGER)),
            Map.entry(BoardAction.MANAGE_LISTS, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(BoardAction.MANAGE_LABELS, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(BoardAction.EDIT_CARDS, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(BoardAction.COMMENT, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(BoardAction.MODERATE_COMMENTS, EnumSet.of(OWNER, MANAGER)),
            Map.entry(BoardAction.VIEW_ACTIVITY, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)));

    @Test
    void everyRoleIsAllowedExactlyTheActionsOfTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(BoardAction.values());
        for (BoardAction action : BoardAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                assertThat(action.allows(role)).as("%s may %s", role, action).isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void ownersMayDoEverythingAndGuestsOnlyWorkWithCards() {
        assertThat(Arrays.stream(BoardAction.values()).filter(a -> !a.allows(OWNER))).isEmpty();
        assertThat(Arrays.stream(BoardAction.values()).filter(a -> a.allows(GUEST))).containsExactlyInAnyOrderElementsOf(List.of(
                BoardAction.LIST_BOARDS, BoardAction.VIEW_BOARD, BoardAction.EDIT_CARDS, BoardAction.COMMENT, BoardAction.VIEW_ACTIVITY));
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        String boards = doc.substring(doc.indexOf("## Boards"));
        for (BoardAction action : BoardAction.values()) {
            String row = boards.lines().filter(l -> l.startsWith("| `" + action.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("docs/permissions.md has a row for %s", action).isNotNull();
            String[] cells = row.split("\\|", -1);
            Set<MemberRole> documented = Arrays.stream(MemberRole.values())
                    .filter(role -> cells[2 + role.ordinal()].contains("✔"))
                    .collect(Collectors.toSet());
            assertThat(documented).as("documented roles for %s", action).isEqualTo(action.roles());
            assertThat(cells[6]).as("a guest off the board never gets as far as %s", action).doesNotContain("✔");
        }
        assertThat(boards).contains("| action | OWNER | MANAGER | MEMBER | GUEST on the board | GUEST not on it |");
    }
}
