package org.moim.chat.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moim.chat.control.History;
import org.moim.chat.entity.ChannelKind;
import org.moim.chat.entity.ChannelRef;
import org.moim.chat.entity.MessageState;
import org.moim.platform.realtime.FakeSockets;
import org.moim.platform.realtime.OutgoingText;

/** The ordering rules of one subscription, without a server: catch-up, reordering, gap fill, repeats. */
class ChannelSubscriberTest {

    private static final ChannelRef CHANNEL = new ChannelRef("c", "w", ChannelKind.DIRECT, null);

    /** The database as the gap fill sees it: every committed message by sequence. */
    private final List<MessageState> stored = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();

    private final ChatCommands commands = new ChatCommands() {
        @Override
        public List<History.Item> replay(String channelId, long after, int limit) {
            return stored.stream().filter(m -> m.sequence() > after).limit(limit)
                    .map(m -> new History.Item(m, Map.of(), List.of())).toList();
        }
    };

    /** Runs scheduled work only when the test says so (the gap-fill delay has "passed"). */
    private final ScheduledExecutorService scheduler = (ScheduledExecutorService) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ScheduledExecutorService.class}, (proxy, method, args) -> {
                if (method.getName().equals("schedule")) {
                    scheduled.add((Runnable) args[0]);
                    return real.schedule(() -> { }, 1, TimeUnit.DAYS);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @AfterEach
    void stop() {
        real.shutdownNow();
    }

    private ChannelSubscriber subscriber() {
        return new ChannelSubscriber(CHANNEL, "reader", commands, scheduler, Duration.ofMillis(500), 100);
    }

    private static MessageState message(long sequence) {
        return new MessageState("m" + sequence, "c", sequence, "writer", "text " + sequence, List.of(), null, Instant.EPOCH, null,
                false, 1);
    }

    private MessageState commit(long sequence) {
        MessageState message = message(sequence);
        stored.add(message);
        return message;
    }

    private static void publish(ChannelSubscriber subscriber, FakeSockets.Socket socket, MessageState message) {
        JsonObject frame = ChatJson.message(new History.Item(message, Map.of(), List.of()));
        subscriber.deliver(socket.connection(), CHANNEL.topic(), frame, OutgoingText.of(frame.toString()));
    }

    private static void publish(ChannelSubscriber subscriber, FakeSockets.Socket socket, JsonObject frame) {
        subscriber.deliver(socket.connection(), CHANNEL.topic(), frame, OutgoingText.of(frame.toString()));
    }

    private static List<String> sent(FakeSockets.Socket socket) {
        List<String> described = new ArrayList<>();
        for (String text : socket.sent()) {
            JsonObject frame = Json.createReader(new StringReader(text)).readObject();
            String type = frame.getString("type");
            described.add(frame.containsKey("sequence") ? type + " " + frame.getJsonNumber("sequence").longValue() : type);
        }
        return described;
    }

    @Test
    void liveFramesDuringTheCatchUpAreMergedWithoutGapOrRepeat() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.startAfter(5);
        for (long s = 1; s <= 5; s++) {
            commit(s);
        }
        MessageState six = commit(6);
        MessageState seven = commit(7);
        MessageState eight = commit(8);
        publish(subscriber, socket, eight);
        publish(subscriber, socket, seven);
        publish(subscriber, socket, ChatJson.changed(new MessageState("m3", "c", 3, "writer", "edited", List.of(), null,
                Instant.EPOCH, Instant.EPOCH, false, 2)));

        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 7,
                List.of(new History.Item(six, Map.of(), List.of()), new History.Item(seven, Map.of(), List.of())));
        publish(subscriber, socket, commit(9));

        assertThat(sent(socket)).containsExactly("ack", "message 6", "message 7", "edited 3", "message 8", "message 9");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aLaterMessageWaitsForTheEarlierOneAndRepeatsAreDropped() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 0, List.of());
        MessageState one = commit(1);
        MessageState two = commit(2);

        publish(subscriber, socket, two);
        assertThat(sent(socket)).containsExactly("ack");
        publish(subscriber, socket, one);
        publish(subscriber, socket, two);
        publish(subscriber, socket, one);

        assertThat(sent(socket)).containsExactly("ack", "message 1", "message 2");
    }

    @Test
    void aGapThatDoesNotCloseIsFilledFromTheDatabase() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 0, List.of());
        publish(subscriber, socket, commit(1));
        commit(2);
        commit(3);
        // 2 and 3 committed, but their node died before publishing them.
        publish(subscriber, socket, commit(4));
        assertThat(sent(socket)).containsExactly("ack", "message 1");
        assertThat(scheduled).hasSize(1);

        scheduled.remove(0).run();

        assertThat(sent(socket)).containsExactly("ack", "message 1", "message 2", "message 3", "message 4");
        publish(subscriber, socket, commit(5));
        assertThat(sent(socket)).endsWith("message 5");
    }

    @Test
    void messagesTheHistoryWindowHidesAreNotWaitedFor() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.startAfter(0);
        // 1 and 2 are older than the plan shows: the replay starts at 3.
        MessageState three = commit(3);

        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 3, List.of(new History.Item(three, Map.of(), List.of())));
        publish(subscriber, socket, commit(4));

        assertThat(sent(socket)).containsExactly("ack", "message 3", "message 4");
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aGapTheDatabaseDoesNotShowIsSkippedOnceTheFillHasLooked() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 0, List.of());
        publish(subscriber, socket, commit(1));
        commit(3);
        // 2 is committed but hidden from this reader's history (the fill's read leaves it out).
        publish(subscriber, socket, commit(4));

        scheduled.remove(0).run();

        assertThat(sent(socket)).containsExactly("ack", "message 1", "message 3", "message 4");
    }

    @Test
    void typingOfOthersPassesAndOnesOwnDoesNot() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 0, List.of());
        publish(subscriber, socket, ChatJson.typing("c", "reader"));
        publish(subscriber, socket, ChatJson.typing("c", "writer"));
        assertThat(sent(socket)).containsExactly("ack", "typing");
        assertThat(subscriber.mayType(10_000, 1000)).isTrue();
        assertThat(subscriber.mayType(10_500, 1000)).isFalse();
        assertThat(subscriber.mayType(11_000, 1000)).isTrue();
    }

    @Test
    void aSentMessageMakesTheNextKeyNewsAgainWithinTheInterval() {
        ChannelSubscriber subscriber = subscriber();
        assertThat(subscriber.mayType(10_000, 1000)).isTrue();
        assertThat(subscriber.mayType(10_200, 1000)).as("held back within the interval").isFalse();
        subscriber.messageSent();
        assertThat(subscriber.mayType(10_300, 1000)).as("the others stopped showing them typing when the message came").isTrue();
        assertThat(subscriber.mayType(10_400, 1000)).isFalse();
    }

    @Test
    void aClosedSubscriptionSendsNothingMore() {
        FakeSockets.Socket socket = FakeSockets.open("1", "reader");
        ChannelSubscriber subscriber = subscriber();
        subscriber.caughtUp(socket.connection(), ChatJson.ack("s").build(), 0, List.of());
        subscriber.ended(socket.connection(), CHANNEL.topic());
        publish(subscriber, socket, commit(1));
        assertThat(sent(socket)).containsExactly("ack", "unsubscribed");
    }
}
