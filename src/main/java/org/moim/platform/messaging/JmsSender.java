package org.moim.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;

/**
 * Puts {@link Envelope}s on queues as persistent JSON {@code TextMessage}s.
 *
 * <p>The connection pool is XA (the ActiveMQ adapter declares {@code XATransaction}), so a send
 * joins the caller's JTA transaction: the message becomes visible when the transaction commits
 * and is dropped when it rolls back, together with the database writes ({@code JobsIT} proves
 * it). Without a caller's transaction the send runs in one of its own. The adapter's connection
 * factory has no {@code JMSContext}, hence the classic API.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JmsSender {

    /** Message property with the envelope's type, for selectors and for reading a queue by eye. */
    public static final String TYPE_PROPERTY = "moimType";

    @Resource(lookup = JmsResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    public void send(String queue, Envelope envelope) {
        try (Connection connection = connectionFactory.createConnection()) {
            // In a JTA transaction the adapter enlists the session; the arguments are ignored then.
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            TextMessage message = session.createTextMessage(envelope.toJson());
            message.setStringProperty(TYPE_PROPERTY, envelope.type());
            message.setJMSCorrelationID(envelope.idempotencyKey());
            producer.send(message);
        } catch (JMSException e) {
            throw new MessagingFailed("Cannot send " + envelope.type() + " to " + queue, e);
        }
    }
}
