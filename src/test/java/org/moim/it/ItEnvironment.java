package org.moim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before an integration-test run in one test JVM (failsafe sets {@code MOIM_IT_DATABASE}): an
 * empty data directory, and on MariaDB an empty database (the one {@code MOIM_DB_URL} names, one
 * per fork: {@code moim_it_1}, {@code moim_it_2}…) with the {@code moim_it} user, so every run
 * starts from nothing and proves the migrations from scratch.
 */
public class ItEnvironment implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String database = System.getenv("MOIM_IT_DATABASE");
        if (database == null) {
            return;
        }
        deleteRecursively(Path.of(System.getenv("MOIM_DATA_DIR")));
        if ("mariadb".equals(database)) {
            recreateMariaDb(databaseName(System.getenv("MOIM_DB_URL")));
        }
    }

    /** The database a JDBC URL names: the last path segment, before any parameters. */
    static String databaseName(String url) {
        String path = url.replaceFirst("[?;].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalStateException("Cannot tell the test database from MOIM_DB_URL " + url);
        }
        return name;
    }

    /** Drops and creates the MariaDB database {@code name} and grants it to the {@code moim_it} user. */
    static void recreateMariaDb(String name) {
        String url = System.getProperty("moim.it.mariadb.admin-url", "jdbc:mysql://127.0.0.1:3306/");
        String user = System.getProperty("moim.it.mariadb.admin-user", "root");
        String password = System.getProperty("moim.it.mariadb.admin-password", "");
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name);
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE USER IF NOT EXISTS 'moim_it'@'127.0.0.1' IDENTIFIED BY 'moim_it'");
            sql.execute("CREATE USER IF NOT EXISTS 'moim_it'@'localhost' IDENTIFIED BY 'moim_it'");
            sql.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO 'moim_it'@'127.0.0.1'");
            sql.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO 'moim_it'@'localhost'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the MariaDB test database at " + url
                    + " as " + user + " (is MariaDB running? see README.md)", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
