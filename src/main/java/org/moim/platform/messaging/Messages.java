package org.moim.platform.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** Reading what MDBs receive. */
public final class Messages {
    private Messages() {
    }

    /** The envelope in a received message; {@link MalformedMessage} for anything else. */
    public static Envelope envelope(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedMessage("expected a TextMessage, got " + (message == null ? "nothing" : message.getClass().getSimpleName()));
        }
        try {
            return Envelope.parse(text.getText());
        } catch (JMSException e) {
            throw new MessagingFailed("Cannot read a message", e);
        }
    }

    /** How many times the broker has handed over this message (1 the first time), or 0 if unknown. */
    public static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0;
        } catch (JMSException | NumberFormatException e) {
            return 0;
        }
    }
}
