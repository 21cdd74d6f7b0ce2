package org.moim.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.moim.platform.messaging.JmsResources;

/** Ready when a connection to the JMS broker can be opened. */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            return response.up().build();
        } catch (JMSException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
