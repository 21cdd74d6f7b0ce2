package org.moim.identity.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.identity.control.PasswordResets;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;

/**
 * The {@code moim.password-resets} queue: requests for a reset link, looked up here so the request
 * itself does the same work for every address. A failure (the database) is redelivered by the
 * broker (0.5 s, 2 s, 8 s) and then dead-lettered.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = PasswordResets.QUEUE),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "4")
})
public class PasswordResetRequestsListener implements MessageListener {

    @Inject
    PasswordResets resets;

    @Override
    public void onMessage(Message message) {
        resets.handle(Messages.envelope(message));
    }
}
