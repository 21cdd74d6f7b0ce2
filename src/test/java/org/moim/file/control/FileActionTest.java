package org.moim.file.control;

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

class FileActionTest {

    private static final Map<FileAction, Set<MemberRole>> EXPECTED = Map.of(
            FileAction.UPLOAD_FILES, EnumSet.of(OWNER, MANAGER, MEMBER, GUEST),
            FileAction.SEE_WORKSPACE_FILES, EnumSet.of(OWNER, MANAGER, MEMBER),
            FileAction.VIEW_STORAGE_USAGE, EnumSet.of(OWNER, MANAGER, MEMBER),
            FileAction.MANAGE_OTHERS_FILES, EnumSet.of(OWNER, MANAGER));

    @Test
    void everyRoleIsAllowedExactlyTheFileActionsOfTheMatrix() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(FileAction.values());
        for (FileAction action : FileAction.values()) {
            for (MemberRole role : MemberRole.values()) {
                assertThat(action.allows(role)).as("%s may %s", role, action).isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        assertThat(doc).contains("| file action | OWNER | MANAGER | MEMBER | GUEST |");
        for (FileAction action : FileAction.values()) {
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
