package org.moim.notification.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.notification.control.Alerts;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;

/**
 * The {@code moim.alerts} queue. A mail the SMTP server did not take is not the broker's business:
 * its job waits in the database for the next attempt ({@code moim.mail.retry-delays}, hours). Any
 * other failure propagates: the container rolls the delivery back and the broker redelivers after
 * 0.5 s, 2 s and 8 s (exponential back-off), then moves the message to the dead-letter queue
 * ({@code ActiveMQ.DLQ}). The back-off values are constants (ActiveMQ's properties; the adapter's
 * name is configuration, see {@link JmsResources}); docs/jobs.md explains them.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Alerts.QUEUE),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "4")
})
public class AlertsListener implements MessageListener {

    @Inject
    Alerts alerts;

    @Override
    public void onMessage(Message message) {
        alerts.deliver(Messages.envelope(message));
    }
}
