package org.moim.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.moim.it.Api.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.moim.it.Accounts;
import org.moim.it.Accounts.SignedIn;
import org.moim.it.Api;
import org.moim.it.Api.Reply;
import org.moim.it.Chat;

/**
 * Chat clients through nginx, in groups of eight sharing one direct channel, sending at a fixed
 * total rate and behaving as the protocol asks a client to: on any close, reconnect through the
 * proxy with a new ticket, subscribe with {@code after} = the last sequence held, and send again
 * with the same idempotency key whatever got no {@code ack}. Every acknowledgement, every
 * delivered sequence and every close is recorded, per round (between two {@link #settle} calls).
 */
final class ChatLoad implements AutoCloseable {

    /** What one round saw: closes (by code), reconnect times, and the total acknowledged at its end. */
    record Round(String name, int closed, Map<Integer, Integer> closeCodes, List<Long> reconnectMillis, long acked) {
        long slowestReconnectMillis() {
            return reconnectMillis.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(reconnectMillis);
            Collections.sort(sorted);
            String times = sorted.isEmpty() ? "none" : "median " + sorted.get(sorted.size() / 2) + " ms, slowest " + sorted.getLast() + " ms";
            return name + ": " + closed + " sockets closed " + closeCodes + ", " + reconnectMillis.size() + " reconnects (" + times
                    + "), " + acked + " messages acknowledged so far";
        }
    }

    private static final int GROUP = 8;
    private static final int CLOSE_ERROR = -1;

    private final URL base;
    private final int clientCount;
    private final int rate;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Client> clients = new ArrayList<>();
    private final Map<String, List<Client>> channels = new HashMap<>();
    /** Idempotency key → the sequence its ack named; a key acknowledged with two sequences is counted. */
    private final ConcurrentHashMap<String, Long> acked = new ConcurrentHashMap<>();
    private final AtomicInteger conflictingAcks = new AtomicInteger();
    private final AtomicInteger resyncs = new AtomicInteger();
    /** Channel → the highest sequence acknowledged in it. */
    private final ConcurrentHashMap<String, Long> channelLast = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final ConcurrentLinkedQueue<Integer> closeCodes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> reconnects = new ConcurrentLinkedQueue<>();
    private final List<Round> rounds = new ArrayList<>();
    private final long started = System.nanoTime();

    ChatLoad(URL base, int clientCount, int rate) {
        this.base = base;
        this.clientCount = clientCount - clientCount % GROUP;
        this.rate = rate;
        assertThat(this.clientCount).as("clients, in groups of %d", GROUP).isPositive();
    }

    int clients() {
        return clientCount;
    }

    long totalAcked() {
        return acked.size();
    }

    /** Signs everyone up through nginx, opens the groups' channels, connects and subscribes every client. */
    void start() throws InterruptedException {
        Api api = new Api(base);
        for (int group = 0; group < clientCount / GROUP; group++) {
            SignedIn owner = Accounts.signUp(api, "Owner");
            SignedIn[] members = new SignedIn[GROUP - 1];
            for (int i = 0; i < members.length; i++) {
                members[i] = Accounts.signUp(api, "Member");
            }
            String workspace = Chat.workspace(base, owner, members);
            String channel = Chat.direct(base, workspace, owner, members);
            List<Client> inChannel = new ArrayList<>();
            inChannel.add(new Client(clients.size(), owner, channel));
            for (SignedIn member : members) {
                inChannel.add(new Client(clients.size() + inChannel.size(), member, channel));
            }
            clients.addAll(inChannel);
            channels.put(channel, inChannel);
        }
        clients.forEach(Client::reconnect);
        awaitAll("every client connected and subscribed", 60, () -> clients.stream().allMatch(c -> c.ready));
        closeCodes.clear();
        reconnects.clear();
        long period = 1_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            if (sending.get()) {
                clients.get(Math.floorMod(next.getAndIncrement(), clientCount)).post();
            }
        }, period, period, TimeUnit.MICROSECONDS);
    }

    /** Sends at the total rate for this many seconds. */
    void runFor(int seconds) throws InterruptedException {
        sending.set(true);
        Thread.sleep(Duration.ofSeconds(seconds));
    }

    /**
     * Stops sending, waits until every client is connected, every message acknowledged and every
     * client holds its channel's last sequence, and answers what this round saw.
     */
    Round settle(String name) throws InterruptedException {
        sending.set(false);
        awaitAll(name + ": every client connected", 60, () -> clients.stream().allMatch(c -> c.ready));
        awaitAll(name + ": every message acknowledged", 60, () -> {
            clients.forEach(Client::resendPending);
            return clients.stream().allMatch(c -> c.pending.isEmpty());
        });
        awaitAll(name + ": every client holds its channel's last acknowledged sequence", 60,
                () -> clients.stream().allMatch(c -> c.last() == lastAcked(c.channel)));
        Map<Integer, Integer> codes = new TreeMap<>();
        List<Integer> closes = drain(closeCodes);
        closes.forEach(code -> codes.merge(code, 1, Integer::sum));
        Round round = new Round(name, closes.size(), codes, drain(reconnects), acked.size());
        rounds.add(round);
        System.out.println("[chat load] " + round);
        return round;
    }

    /** Every other client closes its socket and reconnects through nginx: round robin spreads them. */
    void reconnectHalf() throws InterruptedException {
        for (int i = 0; i < clientCount; i += 2) {
            clients.get(i).closeFromClient();
        }
        awaitAll("every client connected again", 60, () -> clients.stream().allMatch(c -> c.ready));
    }

    /**
     * Nothing acknowledged lost, nothing twice, no gap: each client received every sequence of
     * its channel from 1 to the last exactly once, and each channel's history holds every
     * acknowledged key once, at the sequence its ack named, and nothing else.
     */
    void verify() {
        assertThat(conflictingAcks.get()).as("keys acknowledged with two different sequences").isZero();
        assertThat(resyncs.get()).as("subscriptions answered resync (more missed than moim.chat.replay-limit)").isZero();
        for (Client client : clients) {
            synchronized (client) {
                assertThat(client.duplicates).as("client %d: messages delivered twice", client.index).isZero();
                assertThat(client.gaps).as("client %d: gaps seen in the sequence", client.index).isZero();
                assertThat(client.received.size()).as("client %d: sequences 1..%d all received", client.index, client.lastSequence)
                        .isEqualTo(client.lastSequence);
            }
        }
        Api api = new Api(base);
        for (Map.Entry<String, List<Client>> channel : channels.entrySet()) {
            Client reader = channel.getValue().getFirst();
            Map<String, Long> history = new HashMap<>();
            long after = 0;
            boolean more = true;
            while (more) {
                Reply page = api.get("/api/v1/channels/" + channel.getKey() + "/messages?after=" + after + "&limit=100", reader.accessToken);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                for (JsonValue item : page.json().getJsonArray("items")) {
                    JsonObject message = item.asJsonObject();
                    long sequence = message.getJsonNumber("sequence").longValue();
                    assertThat(history.put(message.getString("text"), sequence)).as("a text stored twice").isNull();
                    after = Math.max(after, sequence);
                }
                more = page.json().getBoolean("more");
            }
            Map<String, Long> ackedHere = new HashMap<>();
            Set<String> keysOfChannel = new HashSet<>();
            channel.getValue().forEach(c -> keysOfChannel.add("c" + c.index + "-"));
            acked.forEach((key, sequence) -> {
                if (keysOfChannel.contains(key.substring(0, key.indexOf('-') + 1))) {
                    ackedHere.put(key, sequence);
                }
            });
            assertThat(history).as("channel %s: stored messages = acknowledged ones, at their sequences", channel.getKey())
                    .isEqualTo(ackedHere);
            assertThat(after).isEqualTo(history.size());
        }
    }

    void report(Path file) throws IOException {
        StringBuilder text = new StringBuilder("clients " + clientCount + " in " + channels.size() + " channels, " + rate
                + " msg/s in total, " + sent.get() + " sends, " + acked.size() + " acknowledged, run of "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s\n");
        rounds.forEach(round -> text.append(round).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        System.out.print(text);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clients.forEach(c -> c.closing = true);
        clients.forEach(Client::closeFromClient);
    }

    private long lastAcked(String channel) {
        return channelLast.getOrDefault(channel, 0L);
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> all = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            all.add(item);
        }
        return all;
    }

    private static void awaitAll(String what, int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + seconds + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    /** One person in one channel, with one socket at a time. */
    private final class Client implements WebSocket.Listener {
        final int index;
        final String channel;
        final String refreshToken;
        volatile String accessToken;
        volatile WebSocket socket;
        volatile boolean ready;
        volatile boolean closing;
        /** Keys sent but not acknowledged; sent again after each reconnect. */
        final Set<String> pending = ConcurrentHashMap.newKeySet();
        /** Frame id → key of the sends on the current socket. */
        final Map<String, String> inFlight = new ConcurrentHashMap<>();
        /** A thread is connecting this client (until its subscription is acknowledged). */
        final AtomicBoolean looping = new AtomicBoolean();
        final AtomicInteger counter = new AtomicInteger();
        final TreeSet<Long> received = new TreeSet<>();
        long lastSequence;
        int duplicates;
        int gaps;
        volatile String subscribeId;
        volatile long disconnectedAt;
        private final StringBuilder partial = new StringBuilder();
        private final Object sendLock = new Object();

        Client(int index, SignedIn who, String channel) {
            this.index = index;
            this.channel = channel;
            this.accessToken = who.accessToken();
            this.refreshToken = who.refreshToken();
        }

        synchronized long last() {
            return lastSequence;
        }

        void post() {
            String key = "c" + index + "-" + counter.incrementAndGet();
            pending.add(key);
            sent.incrementAndGet();
            Thread.ofVirtual().start(() -> send(key));
        }

        void resendPending() {
            if (ready) {
                for (String key : pending) {
                    if (!inFlight.containsValue(key)) {
                        send(key);
                    }
                }
            }
        }

        private void send(String key) {
            WebSocket current = socket;
            if (!ready || current == null) {
                return;   // sent again once reconnected
            }
            String id = "s" + index + "-" + counter.incrementAndGet();
            inFlight.put(id, key);
            String frame = Json.createObjectBuilder().add("type", "send").add("id", id).add("channelId", channel)
                    .add("text", key).add("idempotencyKey", key).build().toString();
            synchronized (sendLock) {
                try {
                    current.sendText(frame, true).get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    inFlight.remove(id);   // the close that follows reconnects and sends it again
                }
            }
        }

        /** Connects until subscribed: a socket closed before its subscription's ack (a stopping node) is tried again. */
        void reconnect() {
            if (closing || ready || !looping.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!closing && !ready && System.nanoTime() < deadline) {
                    try {
                        WebSocket opened = connect();
                        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                        while (!ready && !opened.isInputClosed() && System.nanoTime() < wait) {
                            Thread.sleep(20);
                        }
                        if (!ready) {
                            opened.abort();
                        }
                    } catch (InterruptedException interrupted) {
                        return;
                    } catch (Exception e) {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
                looping.set(false);
                if (!ready && !closing) {
                    reconnect();   // a close that came while this thread was ending
                }
            });
        }

        private WebSocket connect() throws Exception {
            Api api = new Api(base);
            Reply ticket = api.post("/api/v1/realtime/tickets", json(), accessToken);
            if (ticket.status() != 201) {
                throw new IllegalStateException("ticket: " + ticket);
            }
            URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws?ticket=" + ticket.json().getString("ticket"));
            inFlight.clear();
            ready = false;
            socket = http.newWebSocketBuilder().subprotocols("moim.v1").connectTimeout(Duration.ofSeconds(3))
                    .buildAsync(uri, this).get(5, TimeUnit.SECONDS);
            return socket;
        }

        void closeFromClient() {
            WebSocket current = socket;
            if (current != null) {
                ready = false;
                current.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
                partial.setLength(0);
                handle(webSocket, frame);
            }
            webSocket.request(1);
            return null;
        }

        private void handle(WebSocket webSocket, JsonObject frame) {
            String type = frame.getString("type", "");
            String replyTo = frame.getString("replyTo", null);
            switch (type) {
                case "hello" -> {
                    subscribeId = "sub-" + index + "-" + counter.incrementAndGet();
                    var subscribe = Json.createObjectBuilder().add("type", "subscribe").add("id", subscribeId).add("channelId", channel);
                    long after = last();
                    if (after > 0) {
                        subscribe.add("after", after);
                    }
                    webSocket.sendText(subscribe.build().toString(), true);
                }
                case "ack" -> {
                    if (replyTo != null && replyTo.equals(subscribeId)) {
                        if (frame.getBoolean("resync", false)) {
                            resyncs.incrementAndGet();
                        }
                        if (webSocket != socket) {
                            return;
                        }
                        ready = true;
                        if (disconnectedAt != 0) {
                            reconnects.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - disconnectedAt));
                            disconnectedAt = 0;
                        }
                        Thread.ofVirtual().start(this::resendPending);
                    } else if (replyTo != null && inFlight.containsKey(replyTo)) {
                        String key = inFlight.remove(replyTo);
                        long sequence = frame.getJsonNumber("sequence").longValue();
                        Long before = acked.putIfAbsent(key, sequence);
                        if (before != null && before != sequence) {
                            conflictingAcks.incrementAndGet();
                        }
                        channelLast.merge(channel, sequence, Math::max);
                        pending.remove(key);
                    }
                }
                case "message" -> {
                    long sequence = frame.getJsonNumber("sequence").longValue();
                    synchronized (this) {
                        if (!received.add(sequence)) {
                            duplicates++;
                        } else if (sequence != lastSequence + 1) {
                            gaps++;
                        }
                        lastSequence = Math.max(lastSequence, sequence);
                    }
                }
                case "error" -> {
                    // unavailable (a stopping node, a full queue): still pending, sent again later.
                    if (replyTo != null) {
                        inFlight.remove(replyTo);
                    }
                }
                default -> { }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed(webSocket, statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed(webSocket, CLOSE_ERROR);
        }

        private void closed(WebSocket webSocket, int code) {
            if (webSocket != socket) {
                return;
            }
            boolean wasReady = ready;
            ready = false;
            partial.setLength(0);
            if (!closing) {
                if (wasReady) {
                    closeCodes.add(code);
                    disconnectedAt = System.nanoTime();
                }
                reconnect();
            }
        }
    }
}
