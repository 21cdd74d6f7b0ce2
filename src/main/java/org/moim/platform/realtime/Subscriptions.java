package org.moim.platform.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's topic subscriptions: which open connection listens to which topic, with its
 * {@link Subscriber}. Features subscribe a connection after checking that its account may read
 * the topic; {@link Deliveries} hands every published frame to the subscribers of this node.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    private final Map<String, Set<Connection>> byTopic = new ConcurrentHashMap<>();

    /** Subscribes (or re-subscribes, replacing the subscriber) the connection to the topic. */
    public void subscribe(Connection connection, String topic, Subscriber subscriber) {
        connection.subscriptions().put(topic, subscriber);
        byTopic.compute(topic, (key, set) -> {
            Set<Connection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            connections.add(connection);
            return connections;
        });
        if (!connection.isOpen()) {
            // Closed meanwhile: closed() may have run before the index held it.
            unsubscribe(connection, topic);
        }
    }

    /** Whether the connection was subscribed. */
    public boolean unsubscribe(Connection connection, String topic) {
        boolean was = connection.subscriptions().remove(topic) != null;
        byTopic.computeIfPresent(topic, (key, set) -> {
            if (!connection.subscriptions().containsKey(topic)) {
                set.remove(connection);
            }
            return set.isEmpty() ? null : set;
        });
        return was;
    }

    public Optional<Subscriber> subscriber(Connection connection, String topic) {
        return Optional.ofNullable(connection.subscriptions().get(topic));
    }

    /** The connection's subscribers by topic (a copy). */
    public Map<String, Subscriber> of(Connection connection) {
        return Map.copyOf(connection.subscriptions());
    }

    /** The number of this node's connections subscribed to the topic. */
    public int count(String topic) {
        return byTopic.getOrDefault(topic, Set.of()).size();
    }

    void closed(Connection connection) {
        for (String topic : Set.copyOf(connection.subscriptions().keySet())) {
            unsubscribe(connection, topic);
        }
    }

    /** Hands one published frame to this node's subscribers of the topic. */
    void deliver(String topic, JsonObject frame, OutgoingText text) {
        for (Connection connection : byTopic.getOrDefault(topic, Set.of())) {
            Subscriber subscriber = connection.subscriptions().get(topic);
            if (subscriber == null) {
                continue;
            }
            try {
                subscriber.deliver(connection, topic, frame, text);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Delivering to " + connection.id() + " on " + topic + " failed", e);
            }
        }
    }

    /** Ends every connection's subscriptions whose topic starts with the prefix. */
    void endAll(String topicPrefix) {
        for (String topic : Set.copyOf(byTopic.keySet())) {
            if (topic.startsWith(topicPrefix)) {
                for (Connection connection : Set.copyOf(byTopic.getOrDefault(topic, Set.of()))) {
                    end(connection, topic);
                }
            }
        }
    }

    /** Ends the connection's subscriptions whose topic starts with the prefix, telling each subscriber. */
    void end(Connection connection, String topicPrefix) {
        for (Map.Entry<String, Subscriber> subscription : Map.copyOf(connection.subscriptions()).entrySet()) {
            String topic = subscription.getKey();
            if (topic.startsWith(topicPrefix) && unsubscribe(connection, topic)) {
                try {
                    subscription.getValue().ended(connection, topic);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Ending " + topic + " on " + connection.id() + " failed", e);
                }
            }
        }
    }
}
