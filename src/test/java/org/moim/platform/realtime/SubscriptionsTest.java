package org.moim.platform.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moim.platform.problem.InvalidField;
import org.moim.platform.problem.NotFound;

class SubscriptionsTest {

    private final Subscriptions subscriptions = new Subscriptions();

    private static JsonObject frame(String text) {
        return ServerFrame.of("note").add("text", text).build();
    }

    @Test
    void aPublishedFrameReachesOnlyTheTopicsSubscribers() {
        FakeSockets.Socket a = FakeSockets.open("a", "alice");
        FakeSockets.Socket b = FakeSockets.open("b", "bob");
        subscriptions.subscribe(a.connection(), "ws:1:chat:x", Subscriber.SEND);
        subscriptions.subscribe(b.connection(), "ws:1:chat:y", Subscriber.SEND);

        JsonObject frame = frame("hi");
        subscriptions.deliver("ws:1:chat:x", frame, OutgoingText.of(frame.toString()));

        assertThat(a.sent()).containsExactly(frame.toString());
        assertThat(b.sent()).isEmpty();
        assertThat(frame.getString("type")).isEqualTo("note");
        assertThat(frame.getInt("v")).isEqualTo(1);
    }

    @Test
    void endingByPrefixTellsTheSubscriberAndStopsDelivery() {
        FakeSockets.Socket a = FakeSockets.open("a", "alice");
        List<String> ended = new ArrayList<>();
        Subscriber subscriber = new Subscriber() {
            @Override
            public void deliver(Connection connection, String topic, JsonObject frame, OutgoingText text) {
                connection.send(text);
            }

            @Override
            public void ended(Connection connection, String topic) {
                ended.add(topic);
            }
        };
        subscriptions.subscribe(a.connection(), "ws:1:chat:x", subscriber);
        subscriptions.subscribe(a.connection(), "ws:1:presence", subscriber);
        subscriptions.subscribe(a.connection(), "ws:2:chat:z", subscriber);

        subscriptions.end(a.connection(), "ws:1:");

        assertThat(ended).containsExactlyInAnyOrder("ws:1:chat:x", "ws:1:presence");
        assertThat(a.connection().subscriptions().keySet()).containsExactly("ws:2:chat:z");
        JsonObject frame = frame("after");
        subscriptions.deliver("ws:1:chat:x", frame, OutgoingText.of(frame.toString()));
        assertThat(a.sent()).isEmpty();
        assertThat(subscriptions.count("ws:1:chat:x")).isZero();
        assertThat(subscriptions.count("ws:2:chat:z")).isEqualTo(1);
    }

    @Test
    void aClosedConnectionLeavesEveryTopic() {
        FakeSockets.Socket a = FakeSockets.open("a", "alice");
        subscriptions.subscribe(a.connection(), "t1", Subscriber.SEND);
        subscriptions.subscribe(a.connection(), "t2", Subscriber.SEND);
        subscriptions.closed(a.connection());
        assertThat(subscriptions.count("t1")).isZero();
        assertThat(subscriptions.count("t2")).isZero();
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        FakeSockets.Socket a = FakeSockets.open("a", "alice");
        FakeSockets.Socket b = FakeSockets.open("b", "bob");
        subscriptions.subscribe(a.connection(), "t", (connection, topic, frame, text) -> {
            throw new IllegalStateException("boom");
        });
        subscriptions.subscribe(b.connection(), "t", Subscriber.SEND);
        JsonObject frame = frame("x");
        subscriptions.deliver("t", frame, OutgoingText.of(frame.toString()));
        assertThat(b.sent()).hasSize(1);
    }

    @Test
    void featureTypesParseAsFeatureFramesAndOthersStayMalformed() {
        ClientFrame claimed = ClientFrame.parse("{\"type\":\"send\",\"id\":\"s-1\",\"text\":\"hi\"}", Set.of("send"));
        assertThat(claimed).isInstanceOf(ClientFrame.Feature.class);
        ClientFrame.Feature feature = (ClientFrame.Feature) claimed;
        assertThat(feature.id()).isEqualTo("s-1");
        assertThat(feature.string("text")).isEqualTo("hi");
        assertThat(feature.string("missing")).isNull();
        assertThat(ClientFrame.parse("{\"type\":\"send\"}", Set.of())).isInstanceOf(ClientFrame.MalformedFrame.class);
    }

    @Test
    void handlerFailuresBecomeProblemFrames() {
        assertThat(Connections.error(new NotFound("The channel"), "r-1").toJson().getJsonObject("problem").getString("type"))
                .isEqualTo("/problems/not-found");
        JsonObject conflict = Connections.error(new TransactionalException("commit", new OptimisticLockException()), "r-2").toJson();
        assertThat(conflict.getJsonObject("problem").getInt("status")).isEqualTo(409);
        assertThat(conflict.getString("replyTo")).isEqualTo("r-2");
        JsonObject internal = Connections.error(new IllegalStateException("bug"), null).toJson();
        assertThat(internal.getJsonObject("problem").getString("type")).isEqualTo("/problems/internal");
        assertThat(internal.getJsonObject("problem").getString("detail")).doesNotContain("bug");
        assertThat(Json.createObjectBuilder(internal).build()).doesNotContainKey("replyTo");
        // A lock the database gave up waiting for is a conflict, as REST answers it (it was /problems/internal here).
        JsonObject lockTimeout = Connections.error(new TransactionalException("commit",
                new RuntimeException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))), "r-3").toJson();
        assertThat(lockTimeout.getJsonObject("problem").getString("type")).isEqualTo("/problems/conflict");
        assertThat(lockTimeout.getJsonObject("problem").getInt("status")).isEqualTo(409);
        // Every error frame names its instance, like a REST problem, and carries its field errors.
        assertThat(internal.getJsonObject("problem").getString("instance")).startsWith("urn:uuid:");
        JsonObject invalid = Connections.error(new InvalidField("text", "is too long"), "r-4").toJson();
        assertThat(invalid.getJsonObject("problem").getString("instance")).startsWith("urn:uuid:")
                .isNotEqualTo(internal.getJsonObject("problem").getString("instance"));
        assertThat(invalid.getJsonObject("problem").getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("text");
    }
}
