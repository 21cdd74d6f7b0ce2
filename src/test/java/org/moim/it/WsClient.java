package org.moim.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that keeps every frame it receives and how it was closed. */
public final class WsClient implements WebSocket.Listener {

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.LinkedList<JsonObject> passedOver = new java.util.LinkedList<>();
    private WebSocket socket;

    public static WsClient connect(URL base, String query) {
        WsClient client = new WsClient();
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws")).resolve("ws" + (query == null ? "" : "?" + query));
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("moim.v1")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, client).join();
        return client;
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame (one passed over by {@link #next(java.util.function.Predicate)} first), waiting up to 10 seconds; fails if none comes. */
    public JsonObject next() throws InterruptedException {
        if (!passedOver.isEmpty()) {
            return passedOver.removeFirst();
        }
        return receive();
    }

    private JsonObject receive() throws InterruptedException {
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("No frame within 10 s (closed: " + closed.getNow(null) + ")");
        }
        return frame;
    }

    /**
     * The first frame that matches; the others before it stay for later {@link #next()} calls, in
     * order. Fails if none comes within 10 s of the last frame.
     */
    public JsonObject next(java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
        for (java.util.Iterator<JsonObject> kept = passedOver.iterator(); kept.hasNext(); ) {
            JsonObject frame = kept.next();
            if (wanted.test(frame)) {
                kept.remove();
                return frame;
            }
        }
        java.util.List<JsonObject> skipped = new java.util.ArrayList<>();
        while (true) {
            JsonObject frame = receive();
            if (wanted.test(frame)) {
                passedOver.addAll(skipped);
                return frame;
            }
            skipped.add(frame);
        }
    }

    /** The next frame of this type, skipping others. */
    public JsonObject next(String type) throws InterruptedException {
        return next(frame -> type.equals(frame.getString("type", null)));
    }

    /**
     * Every frame the server queued for this client before the answer to a ping sent now: the
     * server writes a connection's frames in order, so what is not here was not sent before it.
     */
    public java.util.List<JsonObject> drain() throws InterruptedException {
        String id = "drain-" + java.util.UUID.randomUUID();
        send("{\"type\":\"ping\",\"id\":\"" + id + "\"}");
        java.util.List<JsonObject> before = new java.util.ArrayList<>(passedOver);
        passedOver.clear();
        while (true) {
            JsonObject frame = receive();
            if ("pong".equals(frame.getString("type", null)) && id.equals(frame.getString("id", null))) {
                return before;
            }
            before.add(frame);
        }
    }

    /** The close code the server sent, waiting up to 10 seconds. */
    public int closeCode() throws Exception {
        return closeCode(Duration.ofSeconds(10));
    }

    /** The close code the server sent, waiting up to {@code within}. */
    public int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
