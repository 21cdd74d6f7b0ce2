package org.moim.command;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A command's integrator in the test: a real HTTP server (the JDK's) that keeps every request
 * and answers by path: {@code /in-channel} and {@code /ephemeral} echo the text in that kind of
 * answer, {@code /slow} answers after ten seconds, {@code /fail} answers 500, {@code /garbage}
 * answers HTML, {@code /empty} answers 200 with nothing.
 */
public final class Integrator implements AutoCloseable {

    /** One request as received: path, headers (names in lower case), the raw body and its form fields. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public Map<String, String> form() {
            Map<String, String> fields = new HashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    public Integrator() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            Received request = new Received(exchange.getRequestURI().getPath(), headers, body);
            received.add(request);
            String text = request.form().getOrDefault("text", "");
            int status = 200;
            String type = "application/json";
            String answer;
            switch (request.path()) {
                case "/in-channel" -> answer = "{\"response_type\":\"in_channel\",\"text\":" + quote("You said: " + text) + "}";
                case "/ephemeral" -> answer = "{\"response_type\":\"ephemeral\",\"text\":" + quote("Just for you: " + text) + "}";
                case "/slow" -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer = "{\"response_type\":\"in_channel\",\"text\":\"too late\"}";
                }
                case "/fail" -> {
                    status = 500;
                    answer = "{\"response_type\":\"in_channel\",\"text\":\"an error page\"}";
                }
                case "/garbage" -> {
                    type = "text/html";
                    answer = "<html>not json</html>";
                }
                case "/empty" -> answer = "";
                default -> {
                    status = 404;
                    answer = "";
                }
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            try {
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } catch (IOException e) {
                // Moim gave up waiting (the slow path).
            }
            exchange.close();
        });
        server.start();
    }

    private static String quote(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request, waiting up to 20 seconds; fails if none comes. */
    public Received next() throws InterruptedException {
        Received request = received.poll(20, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("No command request within 20 s");
        }
        return request;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
