package org.moim.chat.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.moim.chat.control.ChatNotifications;
import org.moim.platform.messaging.JmsResources;
import org.moim.platform.messaging.Messages;

/**
 * The {@code moim.chat-channel-notices} queue: {@code @channel} in a workspace channel, told to its
 * readers here rather than in the poster's transaction. A failure (the database) is redelivered by
 * the broker (0.5 s, 2 s, 8 s) and then dead-lettered.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = JmsResources.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = ChatNotifications.CHANNEL_NOTICES),
    @ActivationConfigProperty(propertyName = "maximumRedeliveries", propertyValue = "3"),
    @ActivationConfigProperty(propertyName = "initialRedeliveryDelay", propertyValue = "500"),
    @ActivationConfigProperty(propertyName = "useExponentialBackOff", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "backOffMultiplier", propertyValue = "4")
})
public class ChannelNoticesListener implements MessageListener {

    @Inject
    ChatNotifications notifications;

    @Override
    public void onMessage(Message message) {
        notifications.channelNotice(Messages.envelope(message));
    }
}
