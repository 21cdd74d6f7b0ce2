package org.moim.chat.control;

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

class ChannelActionTest {

    /** The matrix written out once more, so that a change to the enum is a deliberate one. */
    private static final Map<ChannelAction, Set<MemberRole>> EXPECTED = Map.ofEntries(
            Map.entry(ChannelAction.BROWSE, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(ChannelAction.CREATE, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(ChannelAction.EDIT, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(ChannelAction.ARCHIVE, EnumSet.of(OWNER, MANAGER)),
            Map.entry(ChannelAction.INVITE, EnumSet.of(OWNER, MANAGER, MEMBER)),
            Map.entry(ChannelAction.REMOVE, EnumSet.of(OWNER, MANAGER)),
            Map.entry(ChannelAction.LIST_MEMBERS, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(ChannelAction.LEAVE, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(ChannelAction.MUTE, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST)),
            Map.entry(ChannelAction.MANAGE_INCOMING_WEBHOOKS, EnumSet.of(OWNER, MANAGER)));

    @Test
    void everyRoleIsAllowedExactlyTheActionsOfTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(ChannelAction.values());
        for (ChannelAction action : ChannelAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                assertThat(action.allows(role)).as("%s may %s", role, action).isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void anArchivedChannelRefusesOnlyWhatChangesIt() {
        assertThat(Arrays.stream(ChannelAction.values()).filter(ChannelAction::refusedWhenArchived))
                .containsExactlyInAnyOrder(ChannelAction.EDIT, ChannelAction.INVITE, ChannelAction.REMOVE);
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        String channels = doc.substring(doc.indexOf("### Channels"));
        for (ChannelAction action : ChannelAction.values()) {
            String row = channels.lines().filter(l -> l.startsWith("| `" + action.name() + "`")).findFirst().orElse(null);
            assertThat(row).as("docs/permissions.md has a row for %s", action).isNotNull();
            String[] cells = row.split("\\|", -1);
            Set<MemberRole> documented = Arrays.stream(MemberRole.values())
                    .filter(role -> cells[2 + role.ordinal()].contains("✔"))
                    .collect(Collectors.toSet());
            assertThat(documented).as("documented roles for %s", action).isEqualTo(action.roles());
        }
    }
}
