package org.moim.keywordbot.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.moim.workspace.entity.MemberRole;

class KeywordBotActionTest {

    @Test
    void guestsNeverTouchTheBotMembersOnlyTakeHandovers() {
        assertThat(KeywordBotAction.SEE_KEYWORD_BOT.roles()).containsExactlyInAnyOrder(MemberRole.OWNER, MemberRole.MANAGER);
        assertThat(KeywordBotAction.MANAGE_KEYWORD_BOT.roles()).containsExactlyInAnyOrder(MemberRole.OWNER, MemberRole.MANAGER);
        assertThat(KeywordBotAction.TAKE_HANDOVER.roles()).containsExactlyInAnyOrder(MemberRole.OWNER, MemberRole.MANAGER, MemberRole.MEMBER);
    }

    @Test
    void thePermissionsDocumentShowsTheSameMatrix() throws Exception {
        String doc = Files.readString(Path.of("docs/permissions.md"));
        for (KeywordBotAction action : KeywordBotAction.values()) {
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
