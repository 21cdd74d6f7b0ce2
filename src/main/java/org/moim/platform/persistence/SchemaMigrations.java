package org.moim.platform.persistence;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the versioned schema migrations under {@code db/migration} when the application
 * starts, on H2 and MySQL/MariaDB alike. Nothing is ever dropped and re-created: a deployment
 * whose migrations fail does not start. When the migrations cannot get a connection (the
 * database went away after EclipseLink deployed; a database down during the deployment fails it
 * before this runs) they are tried again every {@code moim.db.start-retry-interval} (a clear log
 * line each time), while
 * {@code /health/ready} stays DOWN and the API answers 503 ({@link org.moim.platform.web.NotReadyGate}).
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = MoimDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "moim.db.start-retry-interval", defaultValue = "PT5S")
    Duration retryInterval;

    private volatile String currentVersion;
    private volatile ScheduledFuture<?> retry;
    private int attempts;

    void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!reachable()) {
            retry = scheduler.scheduleWithFixedDelay(this::retry, retryInterval.toMillis(), retryInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        migrate();
    }

    private synchronized void retry() {
        if (currentVersion == null && reachable()) {
            try {
                migrate();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The schema migrations failed; the node stays not ready", e);
            }
            retry.cancel(false);
        }
    }

    /** Whether a connection can be had; logs why not. */
    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            if (attempts > 0) {
                LOG.info("The database answers again");
            }
            return true;
        } catch (SQLException e) {
            attempts++;
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            LOG.warning(() -> "The database cannot be reached (moim.db.url; attempt " + attempts + "): " + reason
                    + ". Trying again in " + retryInterval.toSeconds() + " s; /health/ready stays DOWN and the API answers 503.");
            return false;
        }
    }

    @PreDestroy
    void stopRetrying() {
        if (retry != null) {
            retry.cancel(false);
        }
    }

    private void migrate() {
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
