package org.moim.job.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moim.job.control.JobAttempts;
import org.moim.platform.messaging.Envelope;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.MalformedMessage;
import org.moim.platform.messaging.Messages;

/**
 * ActiveMQ's dead-letter queue: messages of every queue whose last redelivery failed. Marks their
 * job {@code DEAD} and says so loudly; an operator reads the log (the message stays consumed).
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = JmsResources.DEAD_LETTER_QUEUE),
    @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "1000"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "2"),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "6")
})
public class DeadLettersListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLettersListener.class.getName());

    @Inject
    JobAttempts attempts;

    @Override
    public void onMessage(Message message) {
        Envelope envelope;
        try {
            envelope = Messages.envelope(message);
        } catch (MalformedMessage e) {
            // Nothing to mark; retrying an unreadable dead letter cannot help.
            LOG.log(Level.SEVERE, "DEAD LETTER that is no Moim message ({0}): dropped", e.getMessage());
            return;
        }
        int deliveries = Messages.deliveryCount(message);
        attempts.bury(envelope.idempotencyKey(), "no attempt left").ifPresentOrElse(
                job -> LOG.log(Level.SEVERE, "DEAD LETTER: job {0} ({1}, owner {2}) is DEAD after {3} attempts; last error: {4}",
                        new Object[] {job.id(), job.type(), job.ownerAccountId(), job.attempts(), job.lastError()}),
                () -> LOG.log(Level.SEVERE, "DEAD LETTER {0} (idempotency key {1}) has no job; dropped",
                        new Object[] {envelope.type(), envelope.idempotencyKey()}));
        LOG.log(Level.FINE, "Dead letter delivered {0} times to this listener", deliveries);
    }
}
