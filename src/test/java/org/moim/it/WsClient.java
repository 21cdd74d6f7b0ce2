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

    /** The next frame, waiting up to 10 seconds; fails if none comes. */
    public JsonObject next() throws InterruptedException {
        JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("No frame within 10 s (closed: " + closed.getNow(null) + ")");
        }
        return frame;
    }

    /** The close code the server sent, waiting up to 10 seconds. */
    public int closeCode() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
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
