package org.moim.command.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.workspace.entity.MemberRole.MANAGER;
import static org.moim.workspace.entity.MemberRole.OWNER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moim.workspace.entity.MemberRole;

class CommandActionTest {

    @Test
    void everyoneListsCommandsOnlyOwnersAndManagersManageThem() {
        for (CommandAction action : CommandAction.values()) {
            assertThat(action.roles()).as("%s", action)
                    .isEqualTo(action == CommandAction.LIST_COMMANDS ? EnumSet.allOf(MemberRole.class) : EnumSet.of(OWNER, MANAGER));
        }
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        for (CommandAction action : CommandAction.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + action.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("docs/permissions.md has a row for %s", action).isNotNull();
            String[] cells = row.split("\\|", -1);
            Set<MemberRole> documented = Arrays.stream(MemberRole.values())
                    .filter(role -> cells[2 + role.ordinal()].contains("✔"))
                    .collect(Collectors.toSet());
            assertThat(documented).as("documented roles for %s", action).isEqualTo(action.roles());
        }
    }
}
