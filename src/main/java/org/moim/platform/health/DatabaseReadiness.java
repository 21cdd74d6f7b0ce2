package org.moim.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.moim.platform.persistence.MoimDataSource;
import org.moim.platform.persistence.SchemaMigrations;

/** Ready when the database answers and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = MoimDataSource.JNDI_NAME)
    DataSource dataSource;

    @jakarta.inject.Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return response.status(valid && migrations.applied())
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", migrations.currentVersion())
                    .build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
