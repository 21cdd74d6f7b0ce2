package org.moim.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the application is deployed and has heap to spare; restarts fix nothing else. */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.98;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("process")
                .status(share < MAX_HEAP_USE)
                .withData("heapUsedBytes", used)
                .withData("heapMaxBytes", runtime.maxMemory())
                .build();
    }
}
