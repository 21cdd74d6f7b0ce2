package org.moim.platform.realtime;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Server frames to accounts and topics, on every node: each goes once through one reliable
 * topic of the data grid ({@value #TOPIC}), and every node (the sender's too) writes it to its
 * own connections. The reliable topic is one ring buffer, so every node sees every frame in the
 * same order, the order in which they were published.
 *
 * <p>The data grid's listener thread reads the topic; the writing to a topic's subscribers is
 * spread over {@code moim.realtime.fan-out-threads} threads, a topic always on the same one (its
 * frames keep their order; by default half the processors). Ending subscriptions happens on the listener thread, at once, so a
 * frame published after the end never reaches them.
 *
 * <p>Publishing is immediate: a feature whose frame reports a change publishes after the change
 * commits ({@code @Observes(during = AFTER_SUCCESS)}). Delivery is at most once; features that
 * must not lose anything number their frames (chat sequences) so clients can resume.
 */
@ApplicationScoped
public class Deliveries {

    public static final String TOPIC = "moim-realtime";
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    private static final char ACCOUNT = 'a';
    private static final char TO_TOPIC = 't';
    private static final char END = 'e';
    private static final char END_ALL = 'E';

    @Inject
    HazelcastInstance grid;

    @Inject
    Connections connections;

    @Inject
    Subscriptions subscriptions;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "moim.realtime.fan-out-threads", defaultValue = "0")
    int fanOutThreads;

    @Inject
    MetricRegistry metrics;

    private ITopic<String> topic;
    private UUID listener;
    private FanOut[] fanOut = new FanOut[0];
    private Timer fanOutTime;
    private Histogram fanOutWidth;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        fanOutTime = metrics.timer(Metadata.builder().withName("moim.realtime.fanout.seconds")
                .withDescription("Time to hand one published frame to this node's subscribers of its topic (queued on their sockets)").build());
        fanOutWidth = metrics.histogram(Metadata.builder().withName("moim.realtime.fanout.batch")
                .withDescription("This node's subscribers a published frame was handed to, per frame").build());
        // 0: half the processors, at least one (the other half reads sockets and stores messages).
        int count = fanOutThreads > 0 ? fanOutThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        FanOut[] lanes = new FanOut[count];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new FanOut();
            Thread thread = threads.newThread(lanes[i]);
            thread.setName("moim-realtime-fan-out-" + i);
            lanes[i].thread = thread;
            thread.start();
        }
        fanOut = lanes;
        metrics.gauge(Metadata.builder().withName("moim.realtime.fanout.backlog")
                .withDescription("Published frames waiting for a fan-out thread of this node").build(),
                lanes, all -> java.util.Arrays.stream(all).mapToInt(lane -> lane.queue.size()).sum());
        topic = grid.getReliableTopic(TOPIC);
        listener = topic.addMessageListener(new Listener());
    }

    @PreDestroy
    void stopListening() {
        if (listener != null) {
            topic.removeMessageListener(listener);
        }
        for (FanOut lane : fanOut) {
            lane.thread.interrupt();
        }
    }

    /** To every open connection of the account (all its tabs and devices). */
    public void toAccount(String accountId, JsonObject frame) {
        publish(ACCOUNT, accountId, frame.toString());
    }

    /** To every connection subscribed to the topic, through its {@link Subscriber}. */
    public void toTopic(String topic, JsonObject frame) {
        publish(TO_TOPIC, topic, frame.toString());
    }

    /**
     * Ends, on every node, the account's subscriptions to topics starting with {@code topicPrefix}
     * (the account lost access); each {@link Subscriber#ended} is told. Frames published after
     * this call never reach those subscriptions.
     */
    public void endSubscriptions(String accountId, String topicPrefix) {
        publish(END, accountId, topicPrefix);
    }

    /** Ends every subscription to topics starting with {@code topicPrefix}, on every node (the thing is gone). */
    public void endSubscriptionsOfEveryone(String topicPrefix) {
        publish(END_ALL, topicPrefix, "");
    }

    private void publish(char kind, String key, String body) {
        if (key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A key has no line breaks");
        }
        try {
            // A message-driven bean may publish before the application finished starting (Payara
            // starts the listeners first): the topic is then looked up here.
            (topic != null ? topic : grid.<String>getReliableTopic(TOPIC)).publish(kind + key + "\n" + body);
        } catch (RuntimeException e) {
            // The grid is shutting down or lost its partition owner: clients resume on reconnect.
            LOG.log(Level.WARNING, "Publishing a real-time frame failed", e);
        }
    }

    void received(String envelope) {
        int newline = envelope.indexOf('\n');
        if (newline < 1) {
            return;
        }
        char kind = envelope.charAt(0);
        String key = envelope.substring(1, newline);
        String body = envelope.substring(newline + 1);
        switch (kind) {
            case ACCOUNT -> {
                OutgoingText text = OutgoingText.of(body);   // one encoding for all the account's sockets
                connections.ofAccount(key).forEach(connection -> connection.send(text));
            }
            case TO_TOPIC -> {
                if (subscriptions.count(key) > 0) {
                    fanOut[Math.floorMod(key.hashCode(), fanOut.length)].add(key, body);
                }
            }
            case END -> connections.ofAccount(key).forEach(connection -> subscriptions.end(connection, body));
            case END_ALL -> subscriptions.endAll(key);
            default -> LOG.warning("Unknown real-time envelope kind " + kind);
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = ServerFrame.JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalStateException("A published frame is not a JSON object", e);
        }
    }

    /** One fan-out thread and the frames waiting for it; a full queue holds up the listener (and so the grid's ring buffer). */
    private final class FanOut implements Runnable {

        private final BlockingQueue<String[]> queue = new ArrayBlockingQueue<>(100_000);
        Thread thread;

        void add(String topicName, String body) {
            try {
                queue.put(new String[] {topicName, body});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                String[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    long started = System.nanoTime();
                    fanOutWidth.update(subscriptions.count(next[0]));
                    subscriptions.deliver(next[0], parse(next[1]), OutgoingText.of(next[1]));
                    fanOutTime.update(Duration.ofNanos(System.nanoTime() - started));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A real-time frame could not be delivered", e);
                }
            }
        }
    }

    /** Starts at the next frame, never stops: a node that fell behind by a whole ring buffer skips ahead. */
    private final class Listener implements ReliableMessageListener<String> {

        @Override
        public void onMessage(Message<String> message) {
            try {
                received(message.getMessageObject());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A real-time frame could not be delivered", e);
            }
        }

        @Override
        public long retrieveInitialSequence() {
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }
    }
}
