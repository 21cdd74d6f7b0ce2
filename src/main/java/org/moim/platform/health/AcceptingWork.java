package org.moim.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.moim.platform.lifecycle.GracefulStop;

/** Ready until the node begins to stop: a load balancer then sends new work elsewhere. */
@Readiness
@ApplicationScoped
public class AcceptingWork implements HealthCheck {

    @Inject
    GracefulStop stop;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("node").status(!stop.isStopping())
                .withData("state", stop.isStopping() ? "stopping" : "serving").build();
    }
}
