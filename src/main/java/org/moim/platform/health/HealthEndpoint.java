package org.moim.platform.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health's endpoints, answered by the application itself: {@code /health},
 * {@code /health/ready}, {@code /health/live} and {@code /health/started}, in the specification's
 * JSON shape (200 when every check is UP, 503 otherwise).
 *
 * <p>Payara's own endpoint answered {@code /health/ready} with 200 and no checks for the whole
 * deployment (the ActiveMQ adapter, deployed first, counts as an application), so a load balancer
 * sent users to a node that could not serve them. Served from the WAR, nothing answers 200 before
 * the WAR is deployed (Payara answers 404 for an address no application serves), and during a
 * graceful stop readiness is DOWN while the application still answers. Payara's endpoint is
 * switched off in payara-config/pre-boot-commands.asadmin.
 */
@WebServlet(name = "health", urlPatterns = {"/health", "/health/*"})
public class HealthEndpoint extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(HealthEndpoint.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Startup
    Instance<HealthCheck> startup;

    @Inject
    @Any
    Instance<HealthCheck> any;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<HealthCheck> checks = switch (path) {
            case "", "/" -> all();
            case "/ready" -> List.copyOf(readiness.stream().toList());
            case "/live" -> List.copyOf(liveness.stream().toList());
            case "/started" -> List.copyOf(startup.stream().toList());
            default -> null;
        };
        if (checks == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean up = true;
        JsonArrayBuilder results = JSON.createArrayBuilder();
        for (HealthCheck check : checks) {
            HealthCheckResponse result = call(check);
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            results.add(json(result));
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("checks", results)
                .build().toString());
    }

    private List<HealthCheck> all() {
        List<HealthCheck> all = new ArrayList<>();
        any.forEach(all::add);
        return all;
    }

    /** A check that throws is DOWN, as the specification says; the failure goes to the log only. */
    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Health check " + check.getClass().getName() + " failed", e);
            return HealthCheckResponse.named(check.getClass().getSimpleName()).down().build();
        }
    }

    private static JsonObjectBuilder json(HealthCheckResponse result) {
        JsonObjectBuilder object = JSON.createObjectBuilder()
                .add("name", result.getName())
                .add("status", result.getStatus().name());
        Map<String, Object> data = result.getData().orElse(Map.of());
        if (!data.isEmpty()) {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            data.forEach((key, value) -> {
                if (value instanceof Long number) {
                    values.add(key, number);
                } else if (value instanceof Boolean flag) {
                    values.add(key, flag);
                } else {
                    values.add(key, String.valueOf(value));
                }
            });
            object.add("data", values);
        }
        return object;
    }
}
