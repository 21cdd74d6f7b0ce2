package org.moim.chat.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.chat.control.NotSubscribed;
import org.moim.chat.control.Posting;
import org.moim.chat.control.ReadMarkers;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.MessageState;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.realtime.ClientFrame;
import org.moim.platform.realtime.Connection;
import org.moim.platform.realtime.Deliveries;
import org.moim.platform.realtime.FrameHandler;
import org.moim.platform.realtime.Presence;
import org.moim.platform.realtime.RealtimeTimers;
import org.moim.platform.realtime.Subscriber;
import org.moim.platform.realtime.Subscriptions;

/**
 * Chat on the real-time gateway: decodes the chat frames (docs/realtime-protocol.md), calls one
 * use case each ({@link ChatCommands}, which checks permission in its transaction) and answers
 * with an {@code ack}. Subscriptions are made here; what they deliver is up to
 * {@link ChannelSubscriber} and {@link PresenceSubscriber} (a {@link org.moim.platform.realtime.HeldSubscriber}).
 */
@ApplicationScoped
public class ChatFrames implements FrameHandler {

    static final Set<String> TYPES = Set.of("subscribe", "unsubscribe", "send", "edit", "delete", "react", "typing", "read");

    @Inject
    ChatCommands commands;

    @Inject
    Subscriptions subscriptions;

    @Inject
    Deliveries deliveries;

    @Inject
    Presence presence;

    @Inject
    Clock clock;

    @Inject
    RealtimeTimers timers;

    @Inject
    SendQueue sendQueue;

    @Inject
    @ConfigProperty(name = "moim.chat.replay-limit", defaultValue = "500")
    int replayLimit;

    @Inject
    @ConfigProperty(name = "moim.chat.gap-fill-delay", defaultValue = "PT0.5S")
    Duration gapFillDelay;

    @Inject
    @ConfigProperty(name = "moim.chat.typing-interval", defaultValue = "PT1S")
    Duration typingInterval;

    @Override
    public Set<String> types() {
        return TYPES;
    }

    @Override
    public void handle(Connection connection, ClientFrame.Feature frame) {
        switch (frame.type()) {
            case "subscribe" -> subscribe(connection, frame);
            case "unsubscribe" -> unsubscribe(connection, frame);
            case "send" -> send(connection, frame);
            case "edit" -> {
                MessageState edited = commands.edit(frame.required("messageId"), connection.accountId(),
                        frame.required("text"), frame.strings("mentions", "account ids"));
                connection.send(messageAck(frame, edited));
            }
            case "delete" -> connection.send(messageAck(frame, commands.delete(frame.required("messageId"), connection.accountId())));
            case "react" -> {
                MessageState message = commands.react(frame.required("messageId"), connection.accountId(), frame.required("emoji"),
                        frame.flag("add", true));
                connection.send(messageAck(frame, message));
            }
            case "typing" -> typing(connection, frame);
            case "read" -> {
                ReadMarkers.ReadState state = commands.read(frame.required("channelId"), connection.accountId(),
                        frame.number("sequence").orElseThrow(() -> new InvalidField("sequence", "is required")));
                connection.send(ChatJson.ack(frame.id()).add("channelId", state.channelId()).add("sequence", state.sequence())
                        .add("unread", state.unread()).build());
            }
            default -> throw new IllegalStateException("Unclaimed frame type " + frame.type());
        }
    }

    private void subscribe(Connection connection, ClientFrame.Feature frame) {
        String workspaceId = frame.string("workspaceId");
        if (workspaceId != null && frame.string("channelId") == null) {
            subscribePresence(connection, frame, workspaceId);
            return;
        }
        String channelId = frame.required("channelId");
        Optional<Long> after = frame.number("after");
        ChannelRef channel = commands.readable(channelId, connection.accountId());
        ChannelSubscriber subscriber = new ChannelSubscriber(channel, connection.accountId(), commands, timers.scheduler(), gapFillDelay,
                replayLimit);
        after.ifPresent(subscriber::startAfter);
        subscriptions.subscriber(connection, channel.topic()).ifPresent(ChatFrames::close);
        // Subscribed before the catch-up reads: whatever commits later arrives live.
        subscriptions.subscribe(connection, channel.topic(), subscriber);
        ChatCommands.Catchup catchup;
        try {
            catchup = commands.catchUp(channelId, connection.accountId(), after.orElse(null), replayLimit);
        } catch (RuntimeException e) {
            subscriptions.unsubscribe(connection, channel.topic());
            throw e;
        }
        JsonObject ack = ChatJson.ack(frame.id()).add("channelId", channel.id()).add("lastSequence", catchup.lastSequence())
                .add("replayed", catchup.missed().size()).add("resync", catchup.tooMany()).build();
        subscriber.caughtUp(connection, ack, catchup.lastSequence(), catchup.missed());
    }

    private void subscribePresence(Connection connection, ClientFrame.Feature frame, String workspaceId) {
        String topic = ChannelRef.workspaceTopicPrefix(workspaceId) + "presence";
        PresenceSubscriber subscriber = new PresenceSubscriber(workspaceId);
        subscriptions.subscriber(connection, topic).ifPresent(ChatFrames::close);
        subscriptions.subscribe(connection, topic, subscriber);
        List<String> members;
        try {
            members = commands.presenceAudience(workspaceId, connection.accountId());
        } catch (RuntimeException e) {
            subscriptions.unsubscribe(connection, topic);
            throw e;
        }
        subscriber.snapshot(connection, ChatJson.ack(frame.id()).add("workspaceId", workspaceId).build(),
                ChatJson.presence(workspaceId, presence.of(members)));
    }

    private void unsubscribe(Connection connection, ClientFrame.Feature frame) {
        String channelId = frame.string("channelId");
        String workspaceId = frame.string("workspaceId");
        subscriptions.of(connection).forEach((topic, subscriber) -> {
            boolean match = subscriber instanceof ChannelSubscriber channel && channel.channel().id().equals(channelId)
                    || channelId == null && subscriber instanceof PresenceSubscriber people && people.workspaceId().equals(workspaceId);
            if (match && subscriptions.unsubscribe(connection, topic)) {
                close(subscriber);
            }
        });
        var ack = ChatJson.ack(frame.id());
        if (channelId != null) {
            ack.add("channelId", channelId);
        } else if (workspaceId != null) {
            ack.add("workspaceId", workspaceId);
        }
        connection.send(ack.build());
    }

    /** Answered once the send queue has stored it (or refused it); the socket's thread goes on at once. */
    private void send(Connection connection, ClientFrame.Feature frame) {
        Posting.Draft draft = new Posting.Draft(frame.required("channelId"), connection.accountId(), frame.required("text"),
                frame.strings("mentions", "account ids"), frame.string("parentId"), frame.string("idempotencyKey"),
                frame.strings("attachments", "file ids"), connection.isBot());
        subscriber(connection, draft.channelId()).ifPresent(ChannelSubscriber::messageSent);
        sendQueue.submit(draft).whenComplete((posted, failure) -> {
            if (failure != null) {
                connection.sendError(failure, frame.id());
                return;
            }
            MessageState message = posted.message();
            connection.send(ChatJson.ack(frame.id()).add("channelId", message.channelId()).add("messageId", message.id())
                    .add("sequence", message.sequence()).add("createdAt", message.createdAt().toString())
                    .add("repeated", posted.repeated()).add("mentionsNotDelivered", ChatJson.notDelivered(posted.mentionsNotDelivered())).build());
        });
    }

    private void typing(Connection connection, ClientFrame.Feature frame) {
        String channelId = frame.required("channelId");
        ChannelSubscriber subscriber = subscriber(connection, channelId).orElseThrow(() -> new NotSubscribed(channelId));
        if (subscriber.mayType(clock.millis(), typingInterval.toMillis())) {
            deliveries.toTopic(subscriber.channel().topic(), ChatJson.typing(channelId, connection.accountId()));
        }
    }

    /** The connection's subscription to the channel, if it has one. */
    private Optional<ChannelSubscriber> subscriber(Connection connection, String channelId) {
        return subscriptions.of(connection).values().stream()
                .filter(s -> s instanceof ChannelSubscriber c && c.channel().id().equals(channelId))
                .map(ChannelSubscriber.class::cast)
                .findFirst();
    }

    private static JsonObject messageAck(ClientFrame.Feature frame, MessageState message) {
        return ChatJson.ack(frame.id()).add("channelId", message.channelId()).add("messageId", message.id())
                .add("sequence", message.sequence()).add("version", message.version()).build();
    }

    private static void close(Subscriber subscriber) {
        if (subscriber instanceof ChannelSubscriber channel) {
            channel.close();
        } else if (subscriber instanceof PresenceSubscriber people) {
            people.close();
        }
    }
}
