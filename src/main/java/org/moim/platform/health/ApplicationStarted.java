package org.moim.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.moim.platform.persistence.SchemaMigrations;

/** Started once the application is deployed and its schema migrated (MicroProfile Health's startup check). */
@Startup
@ApplicationScoped
public class ApplicationStarted implements HealthCheck {

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application").status(migrations.applied())
                .withData("schemaVersion", migrations.currentVersion()).build();
    }
}
