package org.moim.file.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.file.control.Conversions;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;

/**
 * The {@code moim.conversion} queue (thumbnails). As for alerts (docs/jobs.md): a failure
 * propagates, the container rolls the delivery back and the broker redelivers after 0.5 s, 2 s
 * and 8 s, then moves the message to {@code ActiveMQ.DLQ}, where its job is marked DEAD (and the
 * file gets no thumbnail). At most two conversions run at once per node: decoding images is
 * CPU- and memory-heavy.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Conversions.QUEUE),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "4")
})
public class ConversionListener implements MessageListener {

    @Inject
    Conversions conversions;

    @Override
    public void onMessage(Message message) {
        conversions.deliver(Messages.envelope(message));
    }
}
