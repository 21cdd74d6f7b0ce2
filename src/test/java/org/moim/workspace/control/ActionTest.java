package org.moim.workspace.control;

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

class ActionTest {

    /** The matrix written out once more, so that a change to the enum is a deliberate one. */
    private static final Map<Action, Set<MemberRole>> EXPECTED = Map.ofEntries(
            Map.entry(Action.VIEW_WORKSPACE, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(Action.UPDATE_WORKSPACE, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.DELETE_WORKSPACE, EnumSet.of(OWNER)),
            Map.entry(Action.RESTORE_WORKSPACE, EnumSet.of(OWNER)),
            Map.entry(Action.TRANSFER_OWNERSHIP, EnumSet.of(OWNER)),
            Map.entry(Action.LIST_MEMBERS, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(Action.CHANGE_MEMBER_ROLE, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.REMOVE_MEMBER, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.MANAGE_OWNERS, EnumSet.of(OWNER)),
            Map.entry(Action.LEAVE_WORKSPACE, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(Action.INVITE_BY_EMAIL, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.LIST_INVITATIONS, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.REVOKE_INVITATION, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.CREATE_INVITE_LINK, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.LIST_INVITE_LINKS, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.REVOKE_INVITE_LINK, EnumSet.of(OWNER, MANAGER)),
            Map.entry(Action.MANAGE_BOTS, EnumSet.of(OWNER, MANAGER)));

    @Test
    void everyRoleIsAllowedExactlyTheActionsOfTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(Action.values());
        for (Action action : Action.values()) {
            for (MemberRole role : MemberRole.values()) {
                assertThat(action.allows(role)).as("%s may %s", role, action).isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void ownersMayDoEverythingAndGuestsOnlyLookAndLeave() {
        assertThat(Arrays.stream(Action.values()).filter(a -> !a.allows(OWNER))).isEmpty();
        assertThat(Arrays.stream(Action.values()).filter(a -> a.allows(GUEST)))
                .containsExactlyInAnyOrder(Action.VIEW_WORKSPACE, Action.LEAVE_WORKSPACE);
    }

    @Test
    void onlyRestoreAppliesToADeletedWorkspace() {
        assertThat(Arrays.stream(Action.values()).filter(Action::appliesToDeletedWorkspace)).containsExactly(Action.RESTORE_WORKSPACE);
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        for (Action action : Action.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + action.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("docs/permissions.md has a row for %s", action).isNotNull();
            String[] cells = row.split("\\|", -1);
            Set<MemberRole> documented = Arrays.stream(MemberRole.values())
                    .filter(role -> cells[2 + role.ordinal()].contains("✔"))
                    .collect(Collectors.toSet());
            assertThat(documented).as("documented roles for %s", action).isEqualTo(action.roles());
        }
        assertThat(doc).contains("| action | OWNER | MANAGER | MEMBER | GUEST |");
    }
}
