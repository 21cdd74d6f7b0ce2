package org.moim.webhook.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;
import org.moim.webhook.control.WebhookAttempts;
import org.moim.webhook.control.WebhookEvents;

/**
 * The {@code moim.webhooks} queue: one message, one attempt. A receiver's failure is recorded and
 * retried later by {@link WebhookRetrySchedule}; only a fault here (the database, a malformed
 * message) propagates, and the broker redelivers it (0.5 s, 2 s, 8 s) and then dead-letters it.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = WebhookEvents.QUEUE),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "4")
})
public class WebhooksListener implements MessageListener {

    @Inject
    WebhookAttempts attempts;

    @Override
    public void onMessage(Message message) {
        attempts.run(Messages.envelope(message));
    }
}
