package org.moim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 3: "who can see a board" has one home. {@code BoardPolicy} decides it, and
 * hands other features' list queries the same rule as a JPQL or SQL fragment
 * ({@code onBoardJpql}, {@code onBoardSql}); {@code BoardMembers} keeps the member list itself. No
 * other source names the board member table in a query, so a second copy of the rule cannot
 * appear unseen. Likewise the chat member table is named only in the chat feature's control
 * package ({@code ChatPolicy} decides who reads a channel; {@code Channels} and
 * {@code WorkspaceChannels} keep the member lists).
 */
class VisibilityHomesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    /** JPQL's entity or SQL's table, in a query text: "BoardMember bm", "from BoardMember", "board_member". */
    private static final Pattern BOARD_MEMBERS = Pattern.compile("\\bBoardMember\\s+[a-z]+\\b|\\bfrom\\s+BoardMember\\b|\\bboard_member\\b");
    private static final Pattern CHAT_MEMBERS = Pattern.compile("\\bChannelMember\\s+[a-z]+\\b|\\bfrom\\s+ChannelMember\\b|\\bchat_member\\b");

    @Test
    void onlyBoardPolicyAndTheMemberListNameTheBoardMemberTable() {
        assertThat(namingFiles(BOARD_MEMBERS)).as("sources that name the board member table in a query")
                .containsExactlyInAnyOrder("org/moim/board/control/BoardPolicy.java", "org/moim/board/control/BoardMembers.java");
    }

    @Test
    void onlyTheChatFeaturesControlNamesTheChatMemberTable() {
        assertThat(namingFiles(CHAT_MEMBERS)).as("sources that name the chat member table in a query")
                .allSatisfy(file -> assertThat(file).startsWith("org/moim/chat/control/"))
                .contains("org/moim/chat/control/ChatPolicy.java");
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertThat(BOARD_MEMBERS.matcher("select bm.id from BoardMember bm where bm.board = b").find()).isTrue();
        assertThat(BOARD_MEMBERS.matcher("EXISTS (SELECT 1 FROM board_member bm WHERE").find()).isTrue();
        assertThat(BOARD_MEMBERS.matcher("import org.moim.board.entity.BoardMemberRemoved;").find()).isFalse();
        assertThat(BOARD_MEMBERS.matcher("void removedFromBoard(@Observes BoardMemberRemoved event)").find()).isFalse();
    }

    /** The sources (relative to src/main/java, entities excluded) whose text matches. */
    private static Set<String> namingFiles(Pattern pattern) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getParent().endsWith("entity"))
                    .toList();
            return sources.stream().filter(file -> pattern.matcher(read(file)).find())
                    .map(file -> SOURCES.relativize(file).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
