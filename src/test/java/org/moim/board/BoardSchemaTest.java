package org.moim.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moim.platform.persistence.DuplicateKeys;

/**
 * The board schema on the embedded database as the application runs it (H2 in MySQL mode,
 * migrated by Flyway): purging a workspace takes every board row with it, and the sort keys are
 * unique where the order must be strict.
 */
class BoardSchemaTest {

    private static final List<String> BOARD_TABLES = List.of("board", "board_member", "board_list", "card", "card_assignee",
            "label", "card_label", "checklist_item", "card_comment", "board_activity");

    private final String url = "jdbc:h2:mem:boards-" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,USER;DB_CLOSE_DELAY=-1";
    private Connection db;

    @BeforeEach
    void migrate() throws SQLException {
        Flyway.configure().loggers("slf4j").dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("SHUTDOWN");
        }
        db.close();
    }

    @Test
    void purgingAWorkspaceDeletesItsBoardsWithEverythingOnThem() throws SQLException {
        fill("w1");
        fill("w2");

        // What WorkspacePurge runs: one DELETE of the workspace rows.
        exec("DELETE FROM workspace WHERE id = 'w1'");

        for (String table : BOARD_TABLES) {
            assertThat(count(table)).as(table).isEqualTo(1);
        }
        assertThat(count("card WHERE board_id = 'w2-board'")).isEqualTo(1);
    }

    @Test
    void twoCardsNeverShareAPlaceInAList() throws SQLException {
        fill("w1");
        assertThatThrownBy(() -> exec("INSERT INTO card (id, board_id, list_id, title, description, sort_key, archived, created_by,"
                + " created_at, updated_at, version) VALUES ('w1-card2', 'w1-board', 'w1-list', 'Twin', '', 'i', FALSE, 'w1-account',"
                + " NOW(), NOW(), 0)")).satisfies(e -> assertThat(DuplicateKeys.in(e)).isTrue());
        exec("INSERT INTO card (id, board_id, list_id, title, description, sort_key, archived, created_by,"
                + " created_at, updated_at, version) VALUES ('w1-card2', 'w1-board', 'w1-list', 'Next', '', 'j', FALSE, 'w1-account',"
                + " NOW(), NOW(), 0)");
        assertThat(count("card")).isEqualTo(2);
    }

    private void fill(String w) throws SQLException {
        exec("INSERT INTO account (id, email, password_hash, display_name, locale, time_zone, created_at, updated_at, password_changed_at, version)"
                + " VALUES ('" + w + "-account', '" + w + "@example.com', 'x', 'Kim', 'en', 'UTC', NOW(), NOW(), NOW(), 0)");
        exec("INSERT INTO workspace (id, name, description, created_at, updated_at, deleted_at, version)"
                + " VALUES ('" + w + "', 'W', '', NOW(), NOW(), NOW(), 0)");
        exec("INSERT INTO board (id, workspace_id, name, description, archived, created_by, created_at, updated_at, version)"
                + " VALUES ('" + w + "-board', '" + w + "', 'B', '', FALSE, '" + w + "-account', NOW(), NOW(), 0)");
        exec("INSERT INTO board_member (id, board_id, account_id, added_by, added_at)"
                + " VALUES ('" + w + "-bm', '" + w + "-board', '" + w + "-account', '" + w + "-account', NOW())");
        exec("INSERT INTO board_list (id, board_id, name, sort_key, archived, created_at, updated_at, version)"
                + " VALUES ('" + w + "-list', '" + w + "-board', 'To do', 'i', FALSE, NOW(), NOW(), 0)");
        exec("INSERT INTO card (id, board_id, list_id, title, description, sort_key, archived, created_by, created_at, updated_at, version)"
                + " VALUES ('" + w + "-card', '" + w + "-board', '" + w + "-list', 'Card', '', 'i', FALSE, '" + w + "-account', NOW(), NOW(), 0)");
        exec("INSERT INTO card_assignee (id, card_id, board_id, account_id, assigned_by, assigned_at)"
                + " VALUES ('" + w + "-ca', '" + w + "-card', '" + w + "-board', '" + w + "-account', '" + w + "-account', NOW())");
        exec("INSERT INTO label (id, board_id, name, colour, created_at, version)"
                + " VALUES ('" + w + "-label', '" + w + "-board', 'bug', '#d73a4a', NOW(), 0)");
        exec("INSERT INTO card_label (id, card_id, label_id, board_id) VALUES ('" + w + "-cl', '" + w + "-card', '" + w + "-label', '" + w + "-board')");
        exec("INSERT INTO checklist_item (id, card_id, board_id, content, done, sort_order, created_at, updated_at, version)"
                + " VALUES ('" + w + "-ci', '" + w + "-card', '" + w + "-board', 'Do', FALSE, 0, NOW(), NOW(), 0)");
        exec("INSERT INTO card_comment (id, card_id, board_id, author_id, body, created_at, version)"
                + " VALUES ('" + w + "-cc', '" + w + "-card', '" + w + "-board', '" + w + "-account', 'Hi', NOW(), 0)");
        exec("INSERT INTO board_activity (id, board_id, actor_id, kind, card_id, details, created_at)"
                + " VALUES ('" + w + "-ba', '" + w + "-board', '" + w + "-account', 'card.created', '" + w + "-card', '{}', NOW())");
    }

    private void exec(String statement) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    private int count(String tableAndWhere) throws SQLException {
        try (Statement sql = db.createStatement(); var rows = sql.executeQuery("SELECT COUNT(*) FROM " + tableAndWhere)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
