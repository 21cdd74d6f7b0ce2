package org.moim.billing.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.billing.control.SandboxWebhooks;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;

/**
 * The sandbox provider's outgoing webhooks ({@code moim.billing.sandbox-webhooks}). A delivery the
 * app does not answer with 2xx is redelivered after 0.5, 1, 2, 4, 8 and 16 s (about half a
 * minute in all, like a real provider's retries, only faster), then dead-lettered.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = SandboxWebhooks.QUEUE),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "6"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2")
})
public class SandboxWebhooksListener implements MessageListener {

    @Inject
    SandboxWebhooks webhooks;

    @Override
    public void onMessage(Message message) {
        webhooks.deliver(Messages.envelope(message));
    }
}
