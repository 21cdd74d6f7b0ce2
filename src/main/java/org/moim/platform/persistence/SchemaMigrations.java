package org.moim.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the versioned schema migrations under {@code db/migration} when the application
 * starts, on H2 and MySQL/MariaDB alike. Nothing is ever dropped and re-created: a deployment
 * whose migrations fail does not start.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = MoimDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile String currentVersion;

    void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        var result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        currentVersion = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "Database schema at version " + currentVersion + " ("
                + result.migrationsExecuted + " migrations applied now, database " + result.database + ")");
    }

    public boolean applied() {
        return currentVersion != null;
    }

    public String currentVersion() {
        return currentVersion == null ? "pending" : currentVersion;
    }
}
