package org.moim.platform.realtime;

import jakarta.json.JsonObject;

/**
 * What one subscribed connection does with the frames published to a topic
 * ({@link Deliveries#toTopic}). Every node calls its subscribers in the one order in which the
 * data grid carries the frames, one frame at a time; a subscriber must not block (it queues,
 * filters or reorders, then sends).
 */
@FunctionalInterface
public interface Subscriber {

    /** Sends every frame unchanged. */
    Subscriber SEND = (connection, topic, frame, text) -> connection.send(text);

    /** A frame published to {@code topic}; {@code text} is the same frame already serialized. */
    void deliver(Connection connection, String topic, JsonObject frame, OutgoingText text);

    /**
     * The subscription was ended from outside ({@link Deliveries#endSubscriptions}: the account
     * lost access): tell the client if it should know. It receives nothing more from the topic.
     */
    default void ended(Connection connection, String topic) {
    }
}
