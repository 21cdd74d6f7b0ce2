package org.moim.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server in the test (the JDK's) that webhooks POST to: it keeps every request and
 * answers with the statuses it is told, one per request, then 200.
 */
final class Receiver implements AutoCloseable {

    /** One request as received: method, path, headers (names in lower case) and the raw body. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    private final Integer always;

    Receiver() {
        this(null);
    }

    /** A receiver that answers every request with {@code always}. */
    Receiver(Integer always) {
        this.always = always;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            Integer status = always != null ? always : statuses.poll();
            byte[] answer = (status == null || status < 300 ? "ok" : "receiver says no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
            // Kept once answered: a test that saw the request may stop the receiver without cutting the answer off.
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
        });
        server.start();
    }

    /** Where to point a webhook: this receiver, with a path of the test's choosing. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests are answered with these statuses, in order; after them 200 again. */
    void answer(Integer... next) {
        statuses.addAll(List.of(next));
    }

    /** The next request, waiting up to 30 seconds; fails if none comes. */
    Received next() throws InterruptedException {
        Received request = received.poll(30, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No webhook request within 30 s");
        }
        return request;
    }

    /** A request, if one comes within {@code millis}. */
    Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
